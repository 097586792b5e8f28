using FastMaker.Engine.Store;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Paper.Tests.Report;

/// <summary>Builds stores by hand through the store's own API, in a temporary directory deleted afterwards.</summary>
internal sealed class HandMadeStore : IDisposable
{
    /// <summary>An exact UTC hour (1,699,999,200,000 = 472,222 h); T0 + 2 h is a UTC day boundary.</summary>
    public const long T0 = 1_699_999_200_000;

    public const long Minute = 60_000;

    public static readonly UInt256 TokenA = UInt256.Parse("1001");

    public static readonly Hash32 Market = Hash32.Parse("0x" + new string('d', 64));

    private readonly List<StoreChange> _changes = [];
    private int _fills;

    public HandMadeStore()
    {
        Directory = Path.Combine(Path.GetTempPath(), "fastmaker-report-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File = Path.Combine(Directory, "store.db");
    }

    public string Directory { get; }

    public string File { get; }

    /// <summary>A mark with a one-cent spread around <paramref name="mid"/> (raw 1e-6).</summary>
    public HandMadeStore Mark(long timeMs, int mid, UInt256? token = null)
    {
        _changes.Add(StoreChange.Of(new StoredMark(token ?? TokenA, timeMs, Price.FromRaw(mid - 10_000), Price.FromRaw(mid + 10_000), Price.FromRaw(mid))));
        return this;
    }

    public HandMadeStore Fill(long timeMs, Side side, int price, long shares, StoredLiquidity liquidity, bool simulated,
        long feeRaw = 0, TradeStatusCode status = TradeStatusCode.Confirmed, UInt256? token = null,
        StoredClassificationSource source = StoredClassificationSource.TradeOrderIds)
    {
        _fills++;
        var id = new Guid(_fills, 0, 0, new byte[8]);
        var order = Hash32.Parse("0x" + _fills.ToString("x64", System.Globalization.CultureInfo.InvariantCulture));
        _changes.Add(StoreChange.Of(new StoredFill(id, order, token ?? TokenA, side, Price.FromRaw(price), Quantity.FromRaw(shares * 1_000_000),
            Amount.FromRaw(feeRaw), status, liquidity, source, simulated, timeMs, timeMs)));
        return this;
    }

    public HandMadeStore Reward(long timeMs, long durationMs, double ours, double total, long dailyPoolDollars, bool simulated)
    {
        _changes.Add(StoreChange.Of(new StoredRewardSample(Market, timeMs, durationMs, ours, total, Amount.FromRaw(dailyPoolDollars * 1_000_000), simulated)));
        return this;
    }

    /// <summary>Writes everything queued as one group and returns the file's path.</summary>
    public string Write()
    {
        using var store = SqliteStore.Open(File);
        _changes.Add(StoreChange.EndOfGroup(store.LastGroupSequence + 1));
        store.ApplyGroups(_changes.ToArray(), store.LastGroupSequence + 1);
        _changes.Clear();
        return File;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
