using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Signing;

/// <summary>
/// How the sign stage signs. Holds where the private key and the L2 credentials come from (a file or environment
/// variables), never the secrets themselves, so an instance is safe to log; production commands must not take keys
/// from command-line arguments.
/// </summary>
public sealed record SigningOptions
{
    /// <summary>Default environment variable holding the hex private key.</summary>
    public const string DefaultPrivateKeyVariable = "FASTMAKER_PRIVATE_KEY";

    /// <summary>A file holding the hex private key (64 hex digits, optional 0x). Takes precedence over the variable.</summary>
    public string? PrivateKeyFile { get; init; }

    /// <summary>The environment variable holding the hex private key when no file is set. Default FASTMAKER_PRIVATE_KEY.</summary>
    public string PrivateKeyVariable { get; init; } = DefaultPrivateKeyVariable;

    /// <summary>The funder (proxy, safe or deposit wallet); required for signature types 1 to 3, null for an EOA.</summary>
    public EthAddress? Funder { get; init; }

    /// <summary>The signature type (0 EOA, 1 proxy, 2 safe, 3 deposit wallet). Default EOA.</summary>
    public SignatureType SignatureType { get; init; } = SignatureType.Eoa;

    /// <summary>The chain: 137 (Polygon) or 80002 (Amoy). Default 137.</summary>
    public long ChainId { get; init; } = ExchangeDomain.Polygon;

    /// <summary>The order version to sign (from GET /version). Default V2.</summary>
    public OrderVersion Version { get; init; } = OrderVersion.V2;

    /// <summary>The API key that owns the orders (the body's <c>owner</c>); when null, taken from the L2 credentials.</summary>
    public string? ApiKeyOwner { get; init; }

    /// <summary>Read L2 credentials from POLY_API_KEY, POLY_API_SECRET and POLY_PASSPHRASE. Default true.</summary>
    public bool L2FromEnvironment { get; init; } = true;

    /// <summary>Fast (precomputed nonces, refilled off the engine thread) or deterministic RFC 6979 signing. Default fast.</summary>
    public SigningMode Mode { get; init; } = SigningMode.Fast;

    /// <summary>Precomputed nonces kept ready for the fast mode. Default 1024.</summary>
    public int NoncePoolCapacity { get; init; } = 1024;

    /// <summary>Seed of the salt generator (the engine's randomness is seeded so replays are byte-identical).</summary>
    public ulong SaltSeed { get; init; } = 0x9E3779B97F4A7C15;

    /// <summary>Signed requests preallocated (a power of 2). Default 256.</summary>
    public int RequestPoolCapacity { get; init; } = 256;

    /// <summary>Reads the private key from <see cref="PrivateKeyFile"/> or <see cref="PrivateKeyVariable"/> (cold path).</summary>
    public EthSigner CreateSigner(NoncePool? noncePool)
    {
        if (!string.IsNullOrEmpty(PrivateKeyFile)) return EthSigner.FromFile(PrivateKeyFile, noncePool);
        return EthSigner.FromEnvironment(PrivateKeyVariable, noncePool);
    }

    /// <summary>Reads the L2 credentials when configured, else null (orders are signed, requests go without L2 headers).</summary>
    public ApiCredentials? ReadL2Credentials() => L2FromEnvironment ? ApiCredentials.FromEnvironment() : null;
}
