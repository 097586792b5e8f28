using System.Runtime.InteropServices;
using FastMaker.Engine.Store;

namespace FastMaker.Paper.Calibration;

/// <summary>
/// Builds the one store <c>fastmaker report</c> needs for its calibration figure and Gate A's calibration criterion:
/// the live run's real fills and the paper run's simulated fills over the same market data, with the live run's marks
/// (both runs' markouts are then measured against the same mids). Orders and positions are not copied: the two runs'
/// positions are different books and must never be added. Cold path.
/// </summary>
public static class CalibrationStore
{
    /// <summary>Writes <paramref name="combinedPath"/> (replaced if it exists); returns the fills written (real, simulated).</summary>
    public static (int Real, int Simulated) WriteCombined(string liveStorePath, string paperStorePath, string combinedPath)
    {
        ArgumentNullException.ThrowIfNull(liveStorePath);
        ArgumentNullException.ThrowIfNull(paperStorePath);
        ArgumentNullException.ThrowIfNull(combinedPath);
        if (!File.Exists(liveStorePath)) throw new FileNotFoundException("live store not found: " + liveStorePath, liveStorePath);
        if (!File.Exists(paperStorePath)) throw new FileNotFoundException("paper store not found: " + paperStorePath, paperStorePath);
        var changes = new List<StoreChange>();
        var liveKeys = new HashSet<(Guid, FastMaker.Primitives.Hash32)>();
        int real = 0, simulated = 0;
        using (var live = SqliteStore.Open(liveStorePath))
        {
            foreach (var f in live.Load().Fills)
            {
                if (f.Simulated) throw new InvalidDataException("the live store " + liveStorePath + " holds a simulated fill (trade " + f.TradeId + ")");
                changes.Add(StoreChange.Of(f));
                liveKeys.Add((f.TradeId, f.OrderId));
                real++;
            }

            foreach (var m in live.LoadMarks()) changes.Add(StoreChange.Of(m));
        }

        using (var paper = SqliteStore.Open(paperStorePath))
        {
            foreach (var f in paper.Load().Fills)
            {
                if (!f.Simulated) throw new InvalidDataException("the paper store " + paperStorePath + " holds a fill marked real (trade " + f.TradeId + ")");
                if (liveKeys.Contains((f.TradeId, f.OrderId)))
                {
                    // One would silently replace the other in the combined store.
                    throw new InvalidDataException("trade " + f.TradeId + " of order " + f.OrderId + " is in both the live and the paper store");
                }

                changes.Add(StoreChange.Of(f));
                simulated++;
            }
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(combinedPath + suffix);
        using var combined = SqliteStore.Open(combinedPath);
        changes.Add(StoreChange.EndOfGroup(1));
        combined.ApplyGroups(CollectionsMarshal.AsSpan(changes), 1);
        return (real, simulated);
    }
}
