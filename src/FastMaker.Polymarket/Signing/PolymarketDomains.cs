namespace FastMaker.Polymarket.Signing;

/// <summary>
/// The Polymarket EIP-712 domains (ORDERS-V2-V3.md 1.4-1.5, PROTOCOL.md 1.0-1.1 and 3.1), separators precomputed
/// for Polygon (137) and Amoy (80002).
/// </summary>
public static class PolymarketDomains
{
    /// <summary>Polygon mainnet chain id.</summary>
    public const ulong Polygon = 137;

    /// <summary>Polygon Amoy testnet chain id.</summary>
    public const ulong Amoy = 80002;

    /// <summary>Exchange domain name.</summary>
    public const string ExchangeName = "Polymarket CTF Exchange";

    private static readonly Eip712Domain V2Polygon = new(ExchangeName, "2", Polygon, "0xE111180000d2663C0091e4f400237545B87B996B");
    private static readonly Eip712Domain V2Amoy = new(ExchangeName, "2", Amoy, "0xE111180000d2663C0091e4f400237545B87B996B");
    private static readonly Eip712Domain V2NegRiskPolygon = new(ExchangeName, "2", Polygon, "0xe2222d279d744050d28e00520010520000310F59");
    private static readonly Eip712Domain V2NegRiskAmoy = new(ExchangeName, "2", Amoy, "0xe2222d279d744050d28e00520010520000310F59");
    private static readonly Eip712Domain V3Polygon = new(ExchangeName, "3", Polygon, "0xe3333700cA9d93003F00f0F71f8515005F6c00Aa");
    private static readonly Eip712Domain V3Amoy = new(ExchangeName, "3", Amoy, "0x9fE6e61422AdB6F610d8597F9684b16912D50C3D");
    private static readonly Eip712Domain V1Polygon = new(ExchangeName, "1", Polygon, "0x4bFb41d5B3570DeFd03C39a9A4D8dE6Bd8B8982E");
    private static readonly Eip712Domain V1Amoy = new(ExchangeName, "1", Amoy, "0xdFE02Eb6733538f8Ea35D585af8DE5958AD99E40");
    private static readonly Eip712Domain V1NegRiskPolygon = new(ExchangeName, "1", Polygon, "0xC5d563A36AE78145C45a50134d48A1215220f80a");
    private static readonly Eip712Domain V1NegRiskAmoy = new(ExchangeName, "1", Amoy, "0xC5d563A36AE78145C45a50134d48A1215220f80a");
    private static readonly Eip712Domain ClobAuthPolygon = new("ClobAuthDomain", "1", Polygon, (string?)null);
    private static readonly Eip712Domain ClobAuthAmoy = new("ClobAuthDomain", "1", Amoy, (string?)null);

    /// <summary>The exchange domain for an order version (1 legacy, 2, 3) on chain 137 or 80002. negRisk picks the
    /// Neg Risk exchange for versions 1 and 2 and is ignored for 3 (one V3 contract for all markets).</summary>
    public static Eip712Domain Exchange(int version, bool negRisk, ulong chainId)
    {
        bool polygon = chainId == Polygon;
        if (!polygon && chainId != Amoy) SigningThrowHelper.ThrowArgumentOutOfRange("chainId must be 137 (Polygon) or 80002 (Amoy).", nameof(chainId));
        switch (version)
        {
            case 1: return negRisk ? (polygon ? V1NegRiskPolygon : V1NegRiskAmoy) : (polygon ? V1Polygon : V1Amoy);
            case 2: return negRisk ? (polygon ? V2NegRiskPolygon : V2NegRiskAmoy) : (polygon ? V2Polygon : V2Amoy);
            case 3: return polygon ? V3Polygon : V3Amoy;
            default:
                SigningThrowHelper.ThrowArgumentOutOfRange("version must be 1, 2 or 3.", nameof(version));
                return null;
        }
    }

    /// <summary>The L1 auth domain {name "ClobAuthDomain", version "1", chainId}, without verifyingContract.</summary>
    public static Eip712Domain ClobAuth(ulong chainId)
    {
        if (chainId == Polygon) return ClobAuthPolygon;
        if (chainId == Amoy) return ClobAuthAmoy;
        SigningThrowHelper.ThrowArgumentOutOfRange("chainId must be 137 (Polygon) or 80002 (Amoy).", nameof(chainId));
        return null;
    }
}
