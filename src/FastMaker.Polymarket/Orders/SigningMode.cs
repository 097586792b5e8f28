namespace FastMaker.Polymarket.Orders;

/// <summary>Which ECDSA nonce path signs an order.</summary>
public enum SigningMode : byte
{
    /// <summary>Precomputed nonce from the signer's pool (falls back to deterministic, counted, when empty).</summary>
    Fast,
    /// <summary>RFC 6979: byte-identical to ethers/viem for the same key and digest.</summary>
    Deterministic,
}
