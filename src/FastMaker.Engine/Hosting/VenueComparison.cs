using System.Globalization;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Reconciliation;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Primitives;

namespace FastMaker.Engine.Hosting;

/// <summary>
/// The end-of-run truth check: our open orders, fills and positions compared with the venue's own records, read through
/// its API (open orders, trades, balances). Every difference is one line saying what differs. Call it after the engine
/// stopped (it reads the engine's state directly).
/// </summary>
public static class VenueComparison
{
    /// <summary>Compares <paramref name="engine"/> with the venue behind <paramref name="clob"/>; an empty list means they agree.</summary>
    /// <param name="clob">A client with our L2 credentials.</param>
    /// <param name="engine">The stopped engine.</param>
    /// <param name="address">Our address (picks our maker legs).</param>
    /// <param name="apiKey">Our API key (picks our legs by owner).</param>
    /// <param name="signatureType">Our signature type (for balance queries).</param>
    /// <param name="ct">Cancels the requests.</param>
    public static async Task<List<string>> CompareAsync(ClobClient clob, EngineCore engine, EthAddress address, string apiKey, int signatureType,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(clob);
        ArgumentNullException.ThrowIfNull(engine);
        var differences = new List<string>();
        await CompareOpenOrdersAsync(clob, engine, differences, ct).ConfigureAwait(false);
        await CompareFillsAsync(clob, engine, address, apiKey, differences, ct).ConfigureAwait(false);
        await ComparePositionsAsync(clob, engine, signatureType, differences, ct).ConfigureAwait(false);
        return differences;
    }

    private static async Task CompareOpenOrdersAsync(ClobClient clob, EngineCore engine, List<string> differences, CancellationToken ct)
    {
        var venue = await clob.GetOpenOrdersAsync(ct: ct).ConfigureAwait(false);
        if (!venue.IsSuccess)
        {
            differences.Add("open orders: the venue's list could not be read: " + venue.Error);
            return;
        }

        var venueOpen = new Dictionary<Hash32, OpenOrder>();
        foreach (var o in venue.Value!)
        {
            if (Hash32.TryParse(o.Id.AsSpan(), out var id))
            {
                venueOpen[id] = o;
            }
            else
            {
                differences.Add("open orders: the venue lists an unparseable order id '" + o.Id + "'");
            }
        }

        var orders = engine.Orders;
        for (var slot = 0; slot < orders.Capacity; slot++)
        {
            ref readonly var ours = ref orders[slot];
            if (ours.Id.IsZero || !ours.State.IsOpen())
            {
                continue;
            }

            if (!venueOpen.Remove(ours.Id, out var v))
            {
                differences.Add("order " + ours.Id + ": open here (" + ours.State + "), not open at the venue");
                continue;
            }

            if (Quantity.TryParse(v.SizeMatched.AsSpan(), out var matched, out _) && matched.Raw != ours.Filled.Raw)
            {
                differences.Add("order " + ours.Id + ": filled " + ours.Filled + " here, " + matched + " at the venue");
            }
        }

        foreach (var id in venueOpen.Keys)
        {
            differences.Add("order " + id + ": open at the venue, not open here");
        }
    }

    private static async Task CompareFillsAsync(ClobClient clob, EngineCore engine, EthAddress address, string apiKey, List<string> differences,
        CancellationToken ct)
    {
        var trades = await clob.GetTradesAsync(null, ct).ConfigureAwait(false);
        if (!trades.IsSuccess)
        {
            differences.Add("fills: the venue's trades could not be read: " + trades.Error);
            return;
        }

        var legs = new List<VenueTradeLeg>();
        var errors = new List<string>();
        foreach (var t in trades.Value!)
        {
            VenueMapper.MapTradeLegs(t, address.ToString(), apiKey, legs, errors);
        }

        foreach (var error in errors)
        {
            differences.Add("fills: unmappable venue trade: " + error);
        }

        long venueActive = 0;
        foreach (var leg in legs)
        {
            if (leg.Status != Polymarket.Parsing.TradeStatusCode.Failed)
            {
                venueActive++;
            }

            if (!engine.Orders.TryGetFill(leg.TradeId, leg.OrderId, out var fill))
            {
                differences.Add("fill " + leg.TradeId + " of order " + leg.OrderId + ": at the venue (" + leg.Size + " @ " + leg.Price + "), not here");
                continue;
            }

            if (fill.Size.Raw != leg.Size.Raw || fill.Price.Raw != leg.Price.Raw || fill.Side != leg.Side)
            {
                differences.Add("fill " + leg.TradeId + " of order " + leg.OrderId + ": " + fill.Side + " " + fill.Size + " @ " + fill.Price
                    + " here, " + leg.Side + " " + leg.Size + " @ " + leg.Price + " at the venue");
            }

            var liquidity = leg.IsMaker ? FillLiquidity.Maker : FillLiquidity.Taker;
            if (fill.Liquidity != liquidity)
            {
                differences.Add("fill " + leg.TradeId + " of order " + leg.OrderId + ": classified " + fill.Liquidity + " here, " + liquidity
                    + " at the venue");
            }

            if (fill.IsActive != (leg.Status != Polymarket.Parsing.TradeStatusCode.Failed))
            {
                differences.Add("fill " + leg.TradeId + " of order " + leg.OrderId + ": " + fill.Status + " here, " + leg.Status + " at the venue");
            }
        }

        var ours = engine.Orders.FillsApplied - engine.Orders.FillsRolledBack;
        if (ours != venueActive)
        {
            differences.Add("fills: " + ours.ToString(CultureInfo.InvariantCulture) + " active here, "
                + venueActive.ToString(CultureInfo.InvariantCulture) + " at the venue");
        }
    }

    private static async Task ComparePositionsAsync(ClobClient clob, EngineCore engine, int signatureType, List<string> differences,
        CancellationToken ct)
    {
        var registry = engine.Registry;
        for (var t = 0; t < registry.TokenCount; t++)
        {
            var market = registry.MarketOfToken(t);
            var tokenId = (t == market.YesIndex ? market.YesToken : market.NoToken).ToString();
            var balance = await clob.GetBalanceAllowanceAsync(AssetType.Conditional, tokenId, signatureType, ct).ConfigureAwait(false);
            if (!balance.IsSuccess || !long.TryParse(balance.Value!.Balance, NumberStyles.Integer, CultureInfo.InvariantCulture, out var venueShares))
            {
                differences.Add("position " + tokenId + ": the venue's balance could not be read: " + (balance.Error?.ToString() ?? "unparseable"));
                continue;
            }

            var shares = engine.Positions.Shares(t);
            if (shares != venueShares)
            {
                differences.Add("position " + tokenId + ": " + Quantity.FromRaw(shares) + " shares here, " + Quantity.FromRaw(venueShares)
                    + " at the venue");
            }
        }
    }
}
