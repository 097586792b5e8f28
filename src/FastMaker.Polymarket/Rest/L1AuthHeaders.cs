namespace FastMaker.Polymarket.Rest;

/// <summary>
/// The four L1 headers (ClobAuth EIP-712 signature) for API key create/derive, produced by the
/// L1 signer. The REST client only forwards them.
/// </summary>
/// <param name="Address">POLY_ADDRESS: the signer EOA.</param>
/// <param name="Signature">POLY_SIGNATURE: 0x r||s||v.</param>
/// <param name="TimestampSeconds">POLY_TIMESTAMP: the unix seconds that were signed.</param>
/// <param name="Nonce">POLY_NONCE.</param>
public sealed record L1AuthHeaders(string Address, string Signature, long TimestampSeconds, long Nonce);
