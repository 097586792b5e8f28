namespace FastMaker.Polymarket.Auth;

/// <summary>The venue's authentication header names (L1 and L2).</summary>
public static class PolyHeaderNames
{
    /// <summary>The signer EOA (L1 and L2; for proxy, safe and deposit-wallet users too).</summary>
    public const string Address = "POLY_ADDRESS";
    /// <summary>L1: the ClobAuth EIP-712 signature; L2: the url-safe base64 HMAC.</summary>
    public const string Signature = "POLY_SIGNATURE";
    /// <summary>Unix seconds, as a decimal string.</summary>
    public const string Timestamp = "POLY_TIMESTAMP";
    /// <summary>L1 only: the ClobAuth nonce.</summary>
    public const string Nonce = "POLY_NONCE";
    /// <summary>L2 only: the API key.</summary>
    public const string ApiKey = "POLY_API_KEY";
    /// <summary>L2 only: the API passphrase.</summary>
    public const string Passphrase = "POLY_PASSPHRASE";
}
