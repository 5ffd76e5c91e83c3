using System.Runtime.InteropServices;

namespace Harmony.Benchmarks;

/// <summary>
/// Minimal access to the system's libsecp256k1 (Debian package libsecp256k1-1) for side-by-side benchmarks.
/// Loaded dynamically, so the build and the other benchmarks do not depend on it; <see cref="IsAvailable"/>
/// tells whether it was found.
/// </summary>
internal static unsafe class NativeSecp256k1
{
    /// <summary>SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY.</summary>
    private const uint ContextFlags = 0x301;

    private static readonly nint Library = Load();

    private static readonly delegate* unmanaged<uint, nint> ContextCreate = (delegate* unmanaged<uint, nint>)Export("secp256k1_context_create");
    private static readonly delegate* unmanaged<nint, byte*, byte*, nuint, int> PubkeyParse = (delegate* unmanaged<nint, byte*, byte*, nuint, int>)Export("secp256k1_ec_pubkey_parse");
    private static readonly delegate* unmanaged<nint, byte*, byte*, int> PubkeyCreate = (delegate* unmanaged<nint, byte*, byte*, int>)Export("secp256k1_ec_pubkey_create");
    private static readonly delegate* unmanaged<nint, byte*, byte*, int> SignatureParseCompact = (delegate* unmanaged<nint, byte*, byte*, int>)Export("secp256k1_ecdsa_signature_parse_compact");
    private static readonly delegate* unmanaged<nint, byte*, byte*, byte*, int> EcdsaVerify = (delegate* unmanaged<nint, byte*, byte*, byte*, int>)Export("secp256k1_ecdsa_verify");
    private static readonly delegate* unmanaged<nint, byte*, byte*, byte*, nint, nint, int> EcdsaSign = (delegate* unmanaged<nint, byte*, byte*, byte*, nint, nint, int>)Export("secp256k1_ecdsa_sign");
    private static readonly delegate* unmanaged<nint, byte*, byte*, int, int> RecoverableParseCompact = (delegate* unmanaged<nint, byte*, byte*, int, int>)Export("secp256k1_ecdsa_recoverable_signature_parse_compact");
    private static readonly delegate* unmanaged<nint, byte*, byte*, byte*, int> EcdsaRecover = (delegate* unmanaged<nint, byte*, byte*, byte*, int>)Export("secp256k1_ecdsa_recover");

    /// <summary>Whether libsecp256k1.so.1 was loaded with every function used here.</summary>
    public static bool IsAvailable => Library != 0 && EcdsaRecover != null && ContextCreate != null;

    /// <summary>Creates a signing and verification context (never freed: benchmarks only).</summary>
    public static nint CreateContext() => ContextCreate(ContextFlags);

    /// <summary>Parses a 33- or 65-byte public key into the library's 64-byte internal form.</summary>
    public static bool ParsePublicKey(nint context, ReadOnlySpan<byte> encoded, Span<byte> pubkey64)
    {
        fixed (byte* input = encoded)
        fixed (byte* output = pubkey64)
        {
            return PubkeyParse(context, output, input, (nuint)encoded.Length) == 1;
        }
    }

    /// <summary>Computes the public key of a 32-byte secret into the 64-byte internal form.</summary>
    public static bool CreatePublicKey(nint context, ReadOnlySpan<byte> secret32, Span<byte> pubkey64)
    {
        fixed (byte* secret = secret32)
        fixed (byte* output = pubkey64)
        {
            return PubkeyCreate(context, output, secret) == 1;
        }
    }

    /// <summary>Parses r || s into the library's 64-byte signature form.</summary>
    public static bool ParseSignature(nint context, ReadOnlySpan<byte> compact64, Span<byte> signature64)
    {
        fixed (byte* input = compact64)
        fixed (byte* output = signature64)
        {
            return SignatureParseCompact(context, output, input) == 1;
        }
    }

    /// <summary>Verifies a parsed signature on a 32-byte hash against a parsed public key.</summary>
    public static bool Verify(nint context, ReadOnlySpan<byte> signature64, ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> pubkey64)
    {
        fixed (byte* signature = signature64)
        fixed (byte* hash = hash32)
        fixed (byte* pubkey = pubkey64)
        {
            return EcdsaVerify(context, signature, hash, pubkey) == 1;
        }
    }

    /// <summary>Signs a 32-byte hash with the default RFC 6979 nonce into the 64-byte signature form.</summary>
    public static bool Sign(nint context, ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> secret32, Span<byte> signature64)
    {
        fixed (byte* hash = hash32)
        fixed (byte* secret = secret32)
        fixed (byte* output = signature64)
        {
            return EcdsaSign(context, output, hash, secret, 0, 0) == 1;
        }
    }

    /// <summary>Parses r || s and a recovery id into the library's 65-byte recoverable form.</summary>
    public static bool ParseRecoverable(nint context, ReadOnlySpan<byte> compact64, int recoveryId, Span<byte> signature65)
    {
        fixed (byte* input = compact64)
        fixed (byte* output = signature65)
        {
            return RecoverableParseCompact(context, output, input, recoveryId) == 1;
        }
    }

    /// <summary>Recovers the public key (64-byte internal form) of a recoverable signature on a 32-byte hash.</summary>
    public static bool Recover(nint context, ReadOnlySpan<byte> signature65, ReadOnlySpan<byte> hash32, Span<byte> pubkey64)
    {
        fixed (byte* signature = signature65)
        fixed (byte* hash = hash32)
        fixed (byte* output = pubkey64)
        {
            return EcdsaRecover(context, output, signature, hash) == 1;
        }
    }

    private static nint Load() =>
        NativeLibrary.TryLoad("libsecp256k1.so.1", out nint handle) || NativeLibrary.TryLoad("libsecp256k1", out handle) ? handle : 0;

    private static nint Export(string name) =>
        Library != 0 && NativeLibrary.TryGetExport(Library, name, out nint address) ? address : 0;
}
