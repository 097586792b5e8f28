using System.Globalization;
using FastMaker.Engine.Reconciliation;
using FastMaker.Engine.Store;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Primitives;
using Microsoft.Extensions.Logging;

namespace FastMaker.Engine.Hosting;

/// <summary>
/// Start-up recovery after an unclean stop (a crash, SIGKILL, power loss), run after the store is loaded and before the
/// store writer starts: the store only knows what it committed before the process died, while the venue kept living.
/// (1) every order the store holds as open and the venue still rests is either adopted (its matched size taken from the
/// venue; the host then restores it and its fills into the tracker, so later MINED/CONFIRMED updates are not applied twice)
/// or, by configuration, cancelled so that the engine quotes afresh;
/// (2) every trade leg of ours the venue lists and the store lacks is written as a fill (source Reconciliation; the fee
/// is not in the venue's trade record and is written as 0); (3) each of those stored open orders gets its final state from
/// the venue (cancelled, filled, or never posted); (4) token positions are set from the venue's balances, with the cost
/// basis replayed from our trade legs when the store's count differs. The legs of (2) and the balances of (4) are read as
/// one consistent picture (trades again after the balances, until unchanged), so a fill of an adopted order during the
/// recovery is either in both (a stored fill the tracker knows) or in neither (a new fill the user channel brings).
/// Cold path, one store transaction.
/// </summary>
internal static class StartupRecovery
{
    /// <summary>Runs the recovery; throws when the venue cannot be read or an order of ours cannot be cancelled.</summary>
    public static async Task RunAsync(ClobClient clob, SqliteStore store, StoreSnapshot stored, EngineCore engine,
        EthAddress address, string apiKey, int signatureType, bool adoptResting, long nowMs, ILogger log, CancellationToken ct)
    {
        var changes = new List<StoreChange>();

        // 1. Our orders from the last run still resting at the venue: cancelled before anything else (unless adopted), so no
        //    fill races the recovery.
        var resting = new List<string>();
        foreach (var o in stored.Orders)
        {
            if (!adoptResting && o.State.IsOpen() && await clob.GetOrderAsync(o.OrderId.ToString(), ct).ConfigureAwait(false) is { IsSuccess: true, Value: { } v }
                && string.Equals(v.Status, "LIVE", StringComparison.OrdinalIgnoreCase))
            {
                resting.Add(o.OrderId.ToString());
            }
        }

        if (resting.Count > 0)
        {
            var cancel = await clob.CancelOrdersAsync(resting, ct).ConfigureAwait(false);
            if (!cancel.IsSuccess)
            {
                throw new InvalidOperationException("start-up recovery: could not cancel our " + resting.Count + " orders left resting by the last run: "
                    + cancel.Error);
            }
        }

        // 2. Our trade legs and our token balances (step 4), read so that they describe one instant: an adopted order still
        //    rests and can fill meanwhile. A fill between the trades read and a balance read would be in the balance but
        //    not in the store, so its later MINED/CONFIRMED on the user channel would be applied as a new fill on top of
        //    the balance (counted twice). The trades are read again after the balances until nothing changed in between.
        var registry = engine.Registry;
        var balances = new long[registry.TokenCount];
        var legs = await ReadLegsAsync(clob, address, apiKey, log, ct).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            await ReadBalancesAsync(clob, registry, signatureType, balances, ct).ConfigureAwait(false);
            var after = await ReadLegsAsync(clob, address, apiKey, log, ct).ConfigureAwait(false);
            if (SameLegs(legs, after))
            {
                break;
            }

            legs = after;
            if (attempt == MaxSnapshotAttempts)
            {
                throw new InvalidOperationException("start-up recovery: our fills at the venue kept changing while the balances were read ("
                    + MaxSnapshotAttempts + " attempts): refusing to quote on positions that may count a fill twice");
            }
        }

        var storedFills = new HashSet<(Guid, Hash32)>();
        foreach (var f in stored.Fills)
        {
            storedFills.Add((f.TradeId, f.OrderId));
        }

        var added = 0;
        foreach (var leg in legs)
        {
            if (storedFills.Add((leg.TradeId, leg.OrderId)))
            {
                changes.Add(StoreChange.Of(new StoredFill(leg.TradeId, leg.OrderId, leg.TokenId, leg.Side, leg.Price, leg.Size, Amount.Zero, leg.Status,
                    leg.IsMaker ? StoredLiquidity.Maker : StoredLiquidity.Taker, StoredClassificationSource.Reconciliation, false, leg.MatchMs, nowMs)));
                added++;
            }
        }

        // 3. Orders the store holds as open: their final state at the venue.
        var closed = 0;
        var adopted = 0;
        foreach (var o in stored.Orders)
        {
            if (!o.State.IsOpen())
            {
                continue;
            }

            var venue = await clob.GetOrderAsync(o.OrderId.ToString(), ct).ConfigureAwait(false);
            if (!venue.IsSuccess || venue.Value is not { } v)
            {
                // The venue does not know it: the post never reached it (killed between signing and sending).
                changes.Add(StoreChange.Of(o with { State = StoredOrderState.Rejected, RemainingSize = Quantity.Zero, UpdatedMs = nowMs }));
                closed++;
                continue;
            }

            _ = Quantity.TryParse((v.SizeMatched ?? "0").AsSpan(), out var matched, out _);
            if (string.Equals(v.Status, "LIVE", StringComparison.OrdinalIgnoreCase) && adoptResting)
            {
                // Adopted: still open, with the venue's matched size (fills the store missed were added above).
                var remaining = o.OriginalSize.Raw - Math.Min(matched.Raw, o.OriginalSize.Raw);
                changes.Add(StoreChange.Of(o with
                {
                    State = matched.Raw > 0 ? StoredOrderState.PartiallyFilled : StoredOrderState.Live,
                    FilledSize = matched,
                    RemainingSize = Quantity.FromRaw(remaining),
                    UpdatedMs = nowMs,
                }));
                adopted++;
                continue;
            }

            if (string.Equals(v.Status, "LIVE", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("start-up recovery: order " + o.OrderId + " is still resting at the venue after its cancel: "
                    + "refusing to quote");
            }

            var filled = matched.Raw >= o.OriginalSize.Raw;
            changes.Add(StoreChange.Of(o with
            {
                State = filled ? StoredOrderState.Filled : StoredOrderState.Cancelled,
                FilledSize = matched,
                RemainingSize = Quantity.Zero,
                UpdatedMs = nowMs,
            }));
            closed++;
        }

        if (changes.Count > 0)
        {
            var sequence = store.LastGroupSequence + 1;
            changes.Add(StoreChange.EndOfGroup(sequence));
            store.ApplyGroups(changes.ToArray(), sequence);
        }

        // 4. Positions: the venue's balances (read with the legs above) are the truth; the cost basis is replayed from our
        //    legs when they differ.
        var positionsCorrected = 0;
        for (var t = 0; t < registry.TokenCount; t++)
        {
            var shares = balances[t];
            if (shares != engine.Positions.Shares(t))
            {
                var market = registry.MarketOfToken(t);
                var token = t == market.YesIndex ? market.YesToken : market.NoToken;
                engine.Positions.SetShares(t, Quantity.FromRaw(shares), Amount.FromRaw(ReplayCostBasis(legs, token, shares)));
                positionsCorrected++;
            }
        }

        log.LogInformation("start-up recovery: {Resting} resting orders cancelled, {Adopted} adopted, {Fills} fills added from the venue, "
            + "{Closed} stored open orders closed, {Positions} positions corrected", resting.Count, adopted, added, closed, positionsCorrected);
    }

    // Reads of trades and balances that disagree this often mean the account trades faster than it can be read.
    private const int MaxSnapshotAttempts = 5;

    /// <summary>Our legs of every venue trade; unmappable trades are logged.</summary>
    private static async Task<List<VenueTradeLeg>> ReadLegsAsync(ClobClient clob, EthAddress address, string apiKey, ILogger log, CancellationToken ct)
    {
        var trades = await clob.GetTradesAsync(null, ct).ConfigureAwait(false);
        if (!trades.IsSuccess)
        {
            throw new InvalidOperationException("start-up recovery: the venue's trades could not be read: " + trades.Error);
        }

        var legs = new List<VenueTradeLeg>();
        var errors = new List<string>();
        foreach (var t in trades.Value!)
        {
            VenueMapper.MapTradeLegs(t, address.ToString(), apiKey, legs, errors);
        }

        foreach (var error in errors)
        {
            log.LogWarning("start-up recovery: unmappable venue trade: {Error}", error);
        }

        return legs;
    }

    /// <summary>The venue's balance of every token of the registry, by token index.</summary>
    private static async Task ReadBalancesAsync(ClobClient clob, Registry.MarketRegistry registry, int signatureType, long[] balances, CancellationToken ct)
    {
        for (var t = 0; t < registry.TokenCount; t++)
        {
            var market = registry.MarketOfToken(t);
            var token = t == market.YesIndex ? market.YesToken : market.NoToken;
            var balance = await clob.GetBalanceAllowanceAsync(AssetType.Conditional, token.ToString(), signatureType, ct).ConfigureAwait(false);
            if (!balance.IsSuccess || !long.TryParse(balance.Value!.Balance, NumberStyles.Integer, CultureInfo.InvariantCulture, out balances[t]))
            {
                throw new InvalidOperationException("start-up recovery: the venue's balance of token " + token + " could not be read: "
                    + (balance.Error?.ToString() ?? "unparseable"));
            }
        }
    }

    /// <summary>True when both reads hold the same legs, each failed or not alike (the only changes that move a balance).</summary>
    private static bool SameLegs(List<VenueTradeLeg> before, List<VenueTradeLeg> after)
    {
        if (before.Count != after.Count)
        {
            return false;
        }

        var failed = new Dictionary<(Guid, Hash32), bool>(before.Count);
        foreach (var leg in before)
        {
            failed[(leg.TradeId, leg.OrderId)] = leg.Status == Polymarket.Parsing.TradeStatusCode.Failed;
        }

        foreach (var leg in after)
        {
            if (!failed.TryGetValue((leg.TradeId, leg.OrderId), out var wasFailed) || wasFailed != (leg.Status == Polymarket.Parsing.TradeStatusCode.Failed))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Average-cost replay of our active legs on one token; scaled to <paramref name="shares"/> if the replay disagrees.</summary>
    private static long ReplayCostBasis(List<VenueTradeLeg> legs, UInt256 token, long shares)
    {
        Int128 held = 0;
        Int128 cost = 0;
        foreach (var leg in legs)
        {
            if (leg.TokenId != token || leg.Status == Polymarket.Parsing.TradeStatusCode.Failed)
            {
                continue;
            }

            if (leg.Side == Side.Buy)
            {
                held += leg.Size.Raw;
                cost += (Int128)leg.Size.Raw * leg.Price.Raw / 1_000_000;
            }
            else if (held > 0)
            {
                var sold = Int128.Min(held, leg.Size.Raw);
                cost -= cost * sold / held;
                held -= sold;
            }
        }

        return held <= 0 || shares <= 0 ? 0 : (long)(cost * shares / held);
    }
}
