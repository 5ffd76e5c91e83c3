namespace Harmony.Crypto;

/// <summary>The Harmony networks the SDK knows the parameters of.</summary>
public enum HarmonyNetwork
{
    /// <summary>Harmony mainnet.</summary>
    Mainnet,

    /// <summary>Harmony's public testnet.</summary>
    Testnet,

    /// <summary>A local development network (Harmony's <c>localnet</c>).</summary>
    Localnet,
}
