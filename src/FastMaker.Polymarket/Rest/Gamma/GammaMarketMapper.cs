using System.Globalization;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Rest.Gamma;

/// <summary>Maps <see cref="GammaMarket"/> to <see cref="MakerMarketInfo"/>, with a reason when the market cannot be traded as a binary market.</summary>
public static class GammaMarketMapper
{
    /// <summary>False with <paramref name="reason"/> when a required field is missing or malformed.</summary>
    public static bool TryMap(GammaMarket market, out MakerMarketInfo? info, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(market);
        info = null;
        if (market.ConditionId is null || !Hash32.TryParse(market.ConditionId.AsSpan(), out Hash32 conditionId))
            return Fail("conditionId missing or not 0x + 64 hex: '" + market.ConditionId + "'", out reason);
        if (market.ClobTokenIds is not { Length: 2 } tokens)
            return Fail("clobTokenIds must hold 2 token ids, got " + (market.ClobTokenIds?.Length ?? 0), out reason);
        if (!UInt256.TryParse(tokens[0].AsSpan(), out UInt256 yes) || !UInt256.TryParse(tokens[1].AsSpan(), out UInt256 no))
            return Fail("clobTokenIds are not decimal uint256 values", out reason);
        if (market.Outcomes is not { Length: 2 } outcomes)
            return Fail("outcomes must hold 2 names, got " + (market.Outcomes?.Length ?? 0), out reason);
        if (market.OrderPriceMinTickSize is not { } tick
            || !TickSize.TryParse(tick.ToString(CultureInfo.InvariantCulture).AsSpan(), out TickSize tickSize, out _))
            return Fail("orderPriceMinTickSize missing or not a venue tick: " + market.OrderPriceMinTickSize, out reason);
        Quantity minSize = default;
        if (market.OrderMinSize is { } min && !Quantity.TryParse(min.ToString(CultureInfo.InvariantCulture).AsSpan(), out minSize, out _))
            return Fail("orderMinSize is not a size: " + min, out reason);
        Hash32? negRiskMarketId = null;
        if (!string.IsNullOrEmpty(market.NegRiskMarketId))
        {
            if (!Hash32.TryParse(market.NegRiskMarketId.AsSpan(), out Hash32 nr))
                return Fail("negRiskMarketID is not 0x + 64 hex: '" + market.NegRiskMarketId + "'", out reason);
            negRiskMarketId = nr;
        }
        bool augmented = false;
        if (market.Events is { } events)
            foreach (GammaEvent e in events) augmented |= e.NegRiskAugmented == true;

        info = new MakerMarketInfo(
            conditionId, yes, no, outcomes[0], outcomes[1], tickSize, minSize,
            Date(market.EndDate), Date(market.GameStartTime), Date(market.EventStartTime),
            // Missing state is treated as the restrictive value (ARCHITECTURE.md section 4).
            market.AcceptingOrders == true && market.EnableOrderBook != false,
            market.Closed != false,
            market.NegRisk == true,
            negRiskMarketId,
            market.NegRiskOther == true,
            augmented,
            market.RewardsMinSize,
            market.RewardsMaxSpread,
            market.FeesEnabled == true,
            market.TakerBaseFee,
            market.UmaResolutionStatuses ?? Array.Empty<string>());
        reason = null;
        return true;
    }

    private static DateTimeOffset? Date(string? text) =>
        !string.IsNullOrWhiteSpace(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset d) ? d : null;

    private static bool Fail(string message, out string? reason)
    {
        reason = message;
        return false;
    }
}
