using Harmony.P2P.Kademlia;

namespace Harmony.P2P.Simulation;

/// <summary>
/// One request on its way through the simulated network. The same object is scheduled for each step (delivery,
/// answer arrival, timeout) so a message costs one allocation besides its task.
/// </summary>
internal sealed class SimulatedExchange : ScheduledEvent
{
    private readonly SimulatedNetwork _network;
    private readonly TaskCompletionSource<KadMessage?> _completion = new();
    private Step _step;
    private KadMessage? _answer;

    public SimulatedExchange(SimulatedNetwork network, SimulatedNode from, SimulatedNode? to, KadMessage request, bool expectResponse)
    {
        _network = network;
        From = from;
        To = to;
        Request = request;
        ExpectResponse = expectResponse;
        SentAt = network.Clock.Elapsed;
    }

    public TimeSpan SentAt { get; }

    public SimulatedNode From { get; }

    public SimulatedNode? To { get; }

    public KadMessage Request { get; }

    public bool ExpectResponse { get; }

    public Task<KadMessage?> Task => _completion.Task;

    public void ScheduleDelivery(TimeSpan delay)
    {
        _step = Step.Deliver;
        _network.Clock.Schedule(delay, this);
    }

    public void ScheduleTimeout(TimeSpan delay)
    {
        _step = Step.Complete;
        _answer = null;
        _network.Clock.Schedule(delay, this);
    }

    public void ScheduleAnswer(TimeSpan delay, KadMessage? answer)
    {
        _step = Step.Complete;
        _answer = answer;
        _network.Clock.Schedule(delay, this);
    }

    internal override void Fire()
    {
        if (_step == Step.Deliver)
        {
            _network.Deliver(this);
        }
        else
        {
            _completion.TrySetResult(_answer);
        }
    }

    private enum Step : byte
    {
        Deliver,
        Complete,
    }
}
