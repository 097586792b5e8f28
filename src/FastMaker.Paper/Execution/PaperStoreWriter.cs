using FastMaker.Engine;
using FastMaker.Engine.Store;
using FastMaker.Primitives;

namespace FastMaker.Paper.Execution;

/// <summary>
/// Writes a paper run into the SQLite store the truth report reads: every order the engine held, every simulated fill
/// with <c>simulated = 1</c> (classification from the engine's own fill record), and the final positions. Cold path:
/// once, at the end of a replay.
/// </summary>
public static class PaperStoreWriter
{
    /// <summary>Writes the run into the store at <paramref name="path"/> (created if missing); returns the fills written.</summary>
    public static int Write(string path, EngineCore engine, PaperExecution paper)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(paper);
        var registry = engine.Registry;
        var changes = new List<StoreChange>();
        var orders = engine.Orders;
        for (int slot = 0; slot < orders.Capacity; slot++)
        {
            ref readonly var o = ref orders[slot];
            if (o.Id.IsZero) continue;
            var market = registry.Market(o.MarketIndex);
            changes.Add(StoreChange.Of(new StoredOrder(
                o.Id, o.IsYes ? market.YesToken : market.NoToken, market.ConditionId, o.Side, o.Price, o.OriginalSize, o.Filled, o.Remaining,
                (StoredOrderState)(byte)o.State, o.Origin, o.PostOnly, o.TimeInForce, o.ExpirationSeconds, o.CreatedMs, o.UpdatedMs, null, o.Replaces)));
        }

        int fills = 0;
        foreach (var f in paper.Fills)
        {
            var market = registry.Market(f.MarketIndex);
            var token = f.TokenIndex == market.YesIndex ? market.YesToken : market.NoToken;
            var liquidity = (StoredLiquidity)(byte)f.Liquidity;
            var source = StoredClassificationSource.None;
            var fee = f.Fee;
            var status = FastMaker.Polymarket.Parsing.TradeStatusCode.Confirmed;
            if (orders.TryGetFill(f.TradeId, f.OrderId, out var record))
            {
                // The engine's own record: what the report compares with live fills.
                liquidity = (StoredLiquidity)(byte)record.Liquidity;
                source = (StoredClassificationSource)(byte)record.Source;
                fee = Amount.FromRaw(record.Delta.Fee);
                status = record.Status;
            }

            changes.Add(StoreChange.Of(new StoredFill(
                f.TradeId, f.OrderId, token, f.Side, f.Price, f.Size, fee, status, liquidity, source, Simulated: true, f.TimeMs, f.TimeMs)));
            fills++;
        }

        for (int t = 0; t < registry.TokenCount; t++)
        {
            ref readonly var p = ref engine.Positions.Token(t);
            if (p.Fills == 0 && p.Shares == 0) continue;
            var market = registry.MarketOfToken(t);
            changes.Add(StoreChange.Of(new StoredPosition(
                t == market.YesIndex ? market.YesToken : market.NoToken, p.Shares, p.PendingShares, p.CostBasis, p.RealizedPnl, p.FeesPaid, p.Fills, engine.NowMs)));
        }

        using var store = SqliteStore.Open(path);
        long group = store.LastGroupSequence + 1;
        changes.Add(StoreChange.EndOfGroup(group));
        store.ApplyGroups(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(changes), group);
        return fills;
    }
}
