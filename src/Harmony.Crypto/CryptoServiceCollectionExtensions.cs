using Harmony.Crypto.Bls;
using Harmony.Crypto.Transactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmony.Crypto;

/// <summary>Registers Harmony.Crypto with a service collection.</summary>
public static class CryptoServiceCollectionExtensions
{
    /// <summary>
    /// Adds the cryptographic back ends behind their interfaces: <see cref="ISecp256k1Ecdsa"/> is the SDK's managed
    /// implementation unless another one (for example a native library) was registered first, and
    /// <see cref="IBlsSignatureScheme"/> is the managed IETF proof-of-possession suite (<see cref="IetfBlsScheme"/>)
    /// unless another scheme or backend was registered first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonyCrypto(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ISecp256k1Ecdsa>(ManagedSecp256k1Ecdsa.Instance);
        services.TryAddSingleton<IBlsSignatureScheme>(IetfBlsScheme.Instance);
        return services;
    }
}
