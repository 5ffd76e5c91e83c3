using Harmony.Node.Simulation;

namespace Harmony.Node.Tests;

public class SimulateCommandTests
{
    [Fact]
    public void Options_parse_from_plain_arguments()
    {
        SimulateOptions.TryParse(["--validators", "7", "--blocks", "3", "--seed", "9", "--faults", "silent:0,double-sign:2", "--loss", "0.1", "--suite", "ietf"], out var options, out var error).ShouldBeTrue(error);
        options!.Validators.ShouldBe(7);
        options.Blocks.ShouldBe(3);
        options.Seed.ShouldBe(9);
        options.Loss.ShouldBe(0.1);
        options.IetfSuite.ShouldBeTrue();
        options.Faults.ShouldBe([(SimulatedFault.Silent, 0), (SimulatedFault.DoubleSign, 2)]);
    }

    [Theory]
    [InlineData("--validators", "0")]
    [InlineData("--faults", "crash:9")]
    [InlineData("--faults", "teleport:1")]
    [InlineData("--loss", "1.5")]
    [InlineData("--blocks")]
    public void Bad_options_are_refused_with_a_reason(params string[] args)
    {
        SimulateOptions.TryParse(args, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void A_real_bls_committee_with_a_silent_leader_and_a_double_signer_commits_and_reports_evidence()
    {
        SimulateOptions.TryParse(["--validators", "4", "--blocks", "3", "--faults", "silent:0,double-sign:2"], out var options, out _).ShouldBeTrue();
        using var output = new StringWriter();
        new LocalCommitteeSimulator(options!, output).Run().ShouldBe(0, output.ToString());
        string text = output.ToString();
        text.ShouldContain("view change at height 1");
        text.ShouldContain("double sign caught");
        text.ShouldContain("verifies: True");
        text.ShouldContain("done: 3 blocks");
    }

    [Fact]
    public void A_crashed_validator_restarts_over_its_store_and_catches_up()
    {
        SimulateOptions.TryParse(["--validators", "4", "--blocks", "40", "--faults", "crash:1", "--suite", "ietf"], out var options, out _).ShouldBeTrue();
        using var output = new StringWriter();
        new LocalCommitteeSimulator(options!, output).Run().ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("validator 1 crashed");
    }
}
