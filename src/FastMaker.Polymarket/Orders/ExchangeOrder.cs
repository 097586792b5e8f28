using FastMaker.Primitives;

namespace FastMaker.Polymarket.Orders;

/// <summary>
/// The signed V2/V3 order struct, field for field (ORDERS-V2-V3.md 2):
/// <c>Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)</c>.
/// Expiration is not signed; it travels in the POST body only.
/// </summary>
public struct ExchangeOrder
{
    /// <summary>The largest salt: the body sends salt as a JSON number, which must round-trip through a double.</summary>
    public const ulong MaxSalt = (1UL << 53) - 1;

    /// <summary>Random uniqueness value, at most <see cref="MaxSalt"/>.</summary>
    public ulong Salt;
    /// <summary>The funds holder (EOA, proxy, safe or deposit wallet).</summary>
    public EthAddress Maker;
    /// <summary>The signing EOA; for <see cref="SignatureType.Poly1271"/> the deposit wallet (= maker).</summary>
    public EthAddress Signer;
    /// <summary>CTF token id (V2) or position id (V3).</summary>
    public UInt256 TokenId;
    /// <summary>6-decimal base units.</summary>
    public long MakerAmount;
    /// <summary>6-decimal base units.</summary>
    public long TakerAmount;
    /// <summary>BUY = 0, SELL = 1.</summary>
    public Side Side;
    /// <summary>0 to 3.</summary>
    public SignatureType SignatureType;
    /// <summary>Creation time in milliseconds since the epoch.</summary>
    public long TimestampMs;
    /// <summary>bytes32, zero by default.</summary>
    public Hash32 Metadata;
    /// <summary>bytes32 builder code, zero by default.</summary>
    public Hash32 Builder;
}
