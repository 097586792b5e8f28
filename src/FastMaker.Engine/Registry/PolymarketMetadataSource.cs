using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Polymarket.Rest.Gamma;

namespace FastMaker.Engine.Registry;

/// <summary>
/// Fetches a fixed set of markets: Gamma <c>/markets?condition_ids=</c> in batches, then CLOB
/// <c>/clob-markets/{conditionId}</c> for each market found, merged by <see cref="MarketMetadataMapper"/>.
/// A failed Gamma page makes the refresh partial (absent markets are then not marked); a failed CLOB call makes only
/// that market not quotable.
/// </summary>
public sealed class PolymarketMetadataSource : IMetadataSource
{
    /// <summary>Condition ids per Gamma call (about 100 fit, PROTOCOL.md section 7).</summary>
    public const int GammaBatchSize = 100;

    private readonly GammaClient _gamma;
    private readonly ClobClient _clob;
    private readonly string[] _conditionIds;

    /// <summary>Creates a source for the given markets.</summary>
    public PolymarketMetadataSource(GammaClient gamma, ClobClient clob, IReadOnlyList<string> conditionIds)
    {
        ArgumentNullException.ThrowIfNull(gamma);
        ArgumentNullException.ThrowIfNull(clob);
        ArgumentNullException.ThrowIfNull(conditionIds);
        if (conditionIds.Count == 0)
        {
            throw new ArgumentException("conditionIds must name at least one market", nameof(conditionIds));
        }

        _gamma = gamma;
        _clob = clob;
        _conditionIds = [.. conditionIds];
    }

    /// <inheritdoc />
    public async Task<MetadataRefresh> FetchAsync(CancellationToken ct)
    {
        var markets = new List<MarketMetadata>(_conditionIds.Length);
        var rejected = new List<RejectedMarket>();
        var complete = true;
        for (var offset = 0; offset < _conditionIds.Length; offset += GammaBatchSize)
        {
            var batch = _conditionIds.AsSpan(offset, Math.Min(GammaBatchSize, _conditionIds.Length - offset)).ToArray();
            // Gamma answers only open markets unless asked (closed defaults to false since 2026-04-09): a market that
            // closes drops out of the reply, and a complete refresh then stops quoting it as absent.
            var page = await _gamma.GetMarketsAsync(new GammaQuery { ConditionIds = batch, Limit = batch.Length }, ct).ConfigureAwait(false);
            if (!page.IsSuccess)
            {
                complete = false;
                continue;
            }

            foreach (var gamma in page.Value!)
            {
                if (!MarketMetadataMapper.TryFromGamma(gamma, out var metadata, out var reject))
                {
                    rejected.Add(reject!);
                    continue;
                }

                var details = await _clob.GetMarketDetailsAsync(gamma.ConditionId!, ct).ConfigureAwait(false);
                markets.Add(details.IsSuccess
                    ? MarketMetadataMapper.WithClobDetails(metadata!, details.Value!)
                    : MarketMetadataMapper.WithClobUnavailable(metadata!, details.Error!.ToString()));
            }
        }

        return new MetadataRefresh(markets, rejected, complete);
    }
}
