using Harmony.Crypto.Bls;
using Harmony.Crypto.Transactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmony.Crypto;

/// <summary>Registers Harmony.Crypto with a service collection.</summary>
public static class CryptoServiceCollectionExtensions
{
    /// <summary>
    /// Adds the cryptographic back ends behind their interfaces, each unless another implementation (for example a
    /// native library) was registered first:
    /// <list type="bullet">
    /// <item><see cref="ISecp256k1Ecdsa"/>: the SDK's managed implementation;</item>
    /// <item>both BLS suites as keyed services, <c>GetRequiredKeyedService&lt;IBlsSignatureScheme&gt;(BlsSuite.Ietf)</c>
    /// and <c>(BlsSuite.Harmony)</c>;</item>
    /// <item>the unkeyed <see cref="IBlsSignatureScheme"/>: the suite named by <paramref name="defaultBlsSuite"/>, which
    /// is Harmony's mainnet suite unless the caller asks for the IETF/Ethereum one;</item>
    /// <item>a shared <see cref="BlsCommitteeCache"/> so committees are decoded once per process.</item>
    /// </list>
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="defaultBlsSuite">The suite resolved for an unkeyed <see cref="IBlsSignatureScheme"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonyCrypto(this IServiceCollection services, BlsSuite defaultBlsSuite = BlsSuite.Harmony)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ISecp256k1Ecdsa>(ManagedSecp256k1Ecdsa.Instance);
        services.TryAddKeyedSingleton<IBlsSignatureScheme>(BlsSuite.Ietf, IetfBlsScheme.Instance);
        services.TryAddKeyedSingleton<IBlsSignatureScheme>(BlsSuite.Harmony, HarmonyBlsScheme.Instance);
        services.TryAddSingleton(provider => provider.GetRequiredKeyedService<IBlsSignatureScheme>(defaultBlsSuite));
        services.TryAddSingleton(_ => new BlsCommitteeCache());
        return services;
    }
}
