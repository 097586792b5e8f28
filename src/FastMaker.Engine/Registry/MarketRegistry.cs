using FastMaker.Primitives;

namespace FastMaker.Engine.Registry;

/// <summary>
/// Interns markets and tokens into dense indexes once, from metadata, so the hot path works with ints.
/// Lookups are allocation-free; adding a market allocates (cold path). Engine thread only.
/// </summary>
public sealed class MarketRegistry
{
    private readonly Dictionary<UInt256, int> _tokenIndex = new();
    private readonly Dictionary<Hash32, int> _marketIndex = new();
    private readonly List<MarketInfo> _markets = new();
    private readonly List<int> _tokenMarket = new();

    /// <summary>Number of markets.</summary>
    public int MarketCount => _markets.Count;

    /// <summary>Number of tokens (twice the markets).</summary>
    public int TokenCount => _tokenMarket.Count;

    /// <summary>The market at a dense index.</summary>
    public MarketInfo Market(int marketIndex) => _markets[marketIndex];

    /// <summary>The market a token belongs to.</summary>
    public MarketInfo MarketOfToken(int tokenIndex) => _markets[_tokenMarket[tokenIndex]];

    /// <summary>Dense index of a token, or -1 when the token is unknown.</summary>
    public int TokenIndexOf(in UInt256 tokenId) => _tokenIndex.TryGetValue(tokenId, out var index) ? index : -1;

    /// <summary>Dense index of a market, or -1 when unknown.</summary>
    public int MarketIndexOf(in Hash32 conditionId) => _marketIndex.TryGetValue(conditionId, out var index) ? index : -1;

    /// <summary>True when the token is the market's first outcome (YES).</summary>
    public bool IsYes(int tokenIndex) => MarketOfToken(tokenIndex).YesIndex == tokenIndex;

    /// <summary>
    /// Returns the market for a condition, adding it with fresh token indexes if new. Throws when a known
    /// condition arrives with different tokens, or a token already belongs to another market: metadata that
    /// contradicts itself must never be silently merged.
    /// </summary>
    public MarketInfo GetOrAdd(Hash32 conditionId, UInt256 yesToken, UInt256 noToken)
    {
        if (yesToken == noToken)
        {
            throw new ArgumentException($"market {conditionId}: both outcomes have token {yesToken}");
        }

        if (_marketIndex.TryGetValue(conditionId, out var existing))
        {
            var market = _markets[existing];
            if (market.YesToken != yesToken || market.NoToken != noToken)
            {
                throw new InvalidOperationException(
                    $"market {conditionId}: tokens changed from ({market.YesToken}, {market.NoToken}) to ({yesToken}, {noToken})");
            }

            return market;
        }

        if (_tokenIndex.ContainsKey(yesToken) || _tokenIndex.ContainsKey(noToken))
        {
            throw new InvalidOperationException($"market {conditionId}: a token already belongs to another market");
        }

        var marketIndex = _markets.Count;
        var yesIndex = _tokenMarket.Count;
        var noIndex = yesIndex + 1;
        var info = new MarketInfo(marketIndex, conditionId, yesToken, noToken, yesIndex, noIndex);
        _markets.Add(info);
        _marketIndex.Add(conditionId, marketIndex);
        _tokenIndex.Add(yesToken, yesIndex);
        _tokenIndex.Add(noToken, noIndex);
        _tokenMarket.Add(marketIndex);
        _tokenMarket.Add(marketIndex);
        return info;
    }
}
