using FastMaker.Engine.Orders;
using FastMaker.Engine.Store;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using Microsoft.Data.Sqlite;

namespace FastMaker.Engine.Tests.Store;

public sealed class SqliteStoreTests
{
    private static StoredOrder SampleOrder(long k, OrderStatusCode? status, Hash32 replaces) => CrashStream.Order(k, filled: false) with
    {
        State = StoredOrderState.PartiallyFilled,
        FilledSize = Quantity.FromRaw(25_000_000),
        RemainingSize = Quantity.FromRaw(75_000_000),
        Origin = OrderOrigin.TakerExit,
        PostOnly = false,
        TimeInForce = IntentTimeInForce.Gtd,
        ExpirationSeconds = 1_900_000_000,
        LastVenueStatus = status,
        Replaces = replaces,
    };

    [Fact]
    public void Open_ZeroLengthFile_CreatesEverySchemaVersionInWalMode()
    {
        using var dir = new TempStorePath();
        File.WriteAllBytes(dir.File, []);

        using (var store = SqliteStore.Open(dir.File))
        {
            Assert.Equal(StoreSchema.CurrentVersion, store.SchemaVersion);
            Assert.Equal(0, store.LastGroupSequence);
            Assert.Equal("ok", store.QuickCheck());
            var empty = store.Load();
            Assert.Empty(empty.Orders);
            Assert.Empty(empty.Fills);
            Assert.Empty(empty.Positions);
            Assert.Empty(empty.Reservations);
        }

        using var raw = new SqliteConnection("Data Source=" + dir.File + ";Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta','orders','fills','positions','reservations')";
        Assert.Equal(5L, command.ExecuteScalar());
        command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        Assert.Equal(StoreSchema.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), command.ExecuteScalar());
    }

    [Fact]
    public void Open_Twice_DoesNotRerunMigrationsAndKeepsData()
    {
        using var dir = new TempStorePath();
        var group = new List<StoreChange>();
        CrashStream.Group(1, group);
        using (var store = SqliteStore.Open(dir.File))
        {
            store.ApplyGroups(group.ToArray(), 1);
        }

        using var reopened = SqliteStore.Open(dir.File);
        Assert.Equal(StoreSchema.CurrentVersion, reopened.SchemaVersion);
        Assert.Equal(1, reopened.LastGroupSequence);
        var expected = new ReferenceState();
        expected.Apply(group);
        expected.AssertEqual(reopened.Load());
    }

    [Fact]
    public void Open_FileFromNewerSchema_RefusesWithVersionInMessage()
    {
        using var dir = new TempStorePath();
        using (SqliteStore.Open(dir.File))
        {
        }

        using (var raw = new SqliteConnection("Data Source=" + dir.File + ";Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "UPDATE meta SET value = '99' WHERE key = 'schema_version'";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<StoreCorruptedException>(() => SqliteStore.Open(dir.File));
        Assert.Contains("schema version 99", ex.Message);
    }

    [Fact]
    public void Open_GarbageFile_ThrowsStoreCorrupted()
    {
        using var dir = new TempStorePath();
        File.WriteAllBytes(dir.File, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)));

        var ex = Assert.Throws<StoreCorruptedException>(() => SqliteStore.Open(dir.File));
        Assert.Contains("not a readable SQLite database", ex.Message);
    }

    [Fact]
    public void Open_DamagedTablePage_FailsIntegrityCheck()
    {
        using var dir = new TempStorePath();
        using (var store = SqliteStore.Open(dir.File))
        {
            var all = new List<StoreChange>();
            var group = new List<StoreChange>();
            for (var k = 1; k <= 400; k++)
            {
                CrashStream.Group(k, group);
                all.AddRange(group);
            }

            store.ApplyGroups(all.ToArray(), 400);
        }

        // Checkpointed on close: the rows are in the main file. Scribble over pages past the schema page.
        var bytes = File.ReadAllBytes(dir.File);
        Assert.True(bytes.Length > 16 * 4096, "the test needs a database of several pages");
        for (var i = 3 * 4096; i < bytes.Length - 4096; i += 4096)
        {
            for (var j = 0; j < 64; j++)
            {
                bytes[i + j] = 0xEE;
            }
        }

        File.WriteAllBytes(dir.File, bytes);

        Assert.Throws<StoreCorruptedException>(() =>
        {
            using var store = SqliteStore.Open(dir.File);
            store.Load();
        });
    }

    [Fact]
    public void RoundTrip_EveryRecordKindAndOptionalField_LoadsEqual()
    {
        using var dir = new TempStorePath();
        var changes = new[]
        {
            StoreChange.Of(SampleOrder(7, OrderStatusCode.CanceledMarketResolved, CrashStream.OrderId(6))),
            StoreChange.Of(SampleOrder(8, null, Hash32.Zero)),
            StoreChange.Of(CrashStream.Order(9, filled: true) with { Price = Price.FromRaw(999_900), Side = Side.Sell }),
            StoreChange.Of(CrashStream.Fill(7) with { Fee = Amount.FromRaw(-1234), Status = TradeStatusCode.Failed, Simulated = true, Liquidity = StoredLiquidity.Taker, ClassificationSource = StoredClassificationSource.Book }),
            StoreChange.Of(CrashStream.Fill(8) with { Status = TradeStatusCode.Confirmed, ClassificationSource = StoredClassificationSource.Reconciliation }),
            StoreChange.Of(new StoredPosition(UInt256.Parse("71321045679252212594626385532706912750332728571942532289631379312455583992563"), -5_000_000, 1, long.MinValue + 1, long.MaxValue, 3, int.MaxValue, 42)),
            StoreChange.Of(new StoredReservation(ReservationScope.MarketCollateral, CrashStream.Market, UInt256.Zero, 50_000_000, 1)),
            StoreChange.Of(new StoredReservation(ReservationScope.TokenShares, Hash32.Zero, CrashStream.Token(2), 0, 2)),
        };

        using (var store = SqliteStore.Open(dir.File))
        {
            store.ApplyGroups(changes, 3);
        }

        using var reopened = SqliteStore.Open(dir.File);
        var loaded = reopened.Load();
        var expected = new ReferenceState();
        expected.Apply(changes);
        expected.AssertEqual(loaded);
        Assert.Equal(3, loaded.LastGroupSequence);
        Assert.Contains(loaded.Orders, o => o.LastVenueStatus is null && o.Replaces.IsZero);
        Assert.Contains(loaded.Orders, o => o.LastVenueStatus == OrderStatusCode.CanceledMarketResolved && o.Replaces == CrashStream.OrderId(6));
    }

    [Fact]
    public void ApplyGroups_SameChangesTwice_LeavesTheSameState()
    {
        using var dir = new TempStorePath();
        using var store = SqliteStore.Open(dir.File);
        var expected = new ReferenceState();
        var group = new List<StoreChange>();
        for (var k = 1; k <= 5; k++)
        {
            CrashStream.Group(k, group);
            store.ApplyGroups(group.ToArray(), k);
            expected.Apply(group);
        }

        // Replays of an old group and of the last one change nothing, and never move the sequence back.
        CrashStream.Group(5, group);
        store.ApplyGroups(group.ToArray(), 5);
        store.ApplyGroups(group.ToArray(), 5);

        var loaded = store.Load();
        expected.AssertEqual(loaded);
        Assert.Equal(5, loaded.LastGroupSequence);
    }

    [Fact]
    public void ApplyGroups_FailingPartWay_CommitsNothing()
    {
        using var dir = new TempStorePath();
        using var store = SqliteStore.Open(dir.File);
        var group = new List<StoreChange>();
        CrashStream.Group(1, group);
        store.ApplyGroups(group.ToArray(), 1);

        CrashStream.Group(2, group);
        var poisoned = group.ToList();
        poisoned.Insert(2, StoreChange.Of(new StoredReservation((ReservationScope)77, Hash32.Zero, UInt256.Zero, 1, 1)));

        var ex = Assert.Throws<ArgumentException>(() => store.ApplyGroups(poisoned.ToArray(), 2));
        Assert.Contains("scope 77", ex.Message);

        var expected = new ReferenceState();
        CrashStream.Group(1, group);
        expected.Apply(group);
        var loaded = store.Load();
        expected.AssertEqual(loaded);
        Assert.Equal(1, loaded.LastGroupSequence);
        Assert.Equal(1, store.LastGroupSequence);
    }

    [Fact]
    public void Load_UnknownStateName_ThrowsStoreCorruptedNamingColumnAndValue()
    {
        using var dir = new TempStorePath();
        using (var store = SqliteStore.Open(dir.File))
        {
            store.ApplyGroups([StoreChange.Of(CrashStream.Order(1, filled: false))], 1);
        }

        using (var raw = new SqliteConnection("Data Source=" + dir.File + ";Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "UPDATE orders SET state = 'Levitating'";
            command.ExecuteNonQuery();
        }

        using var reopened = SqliteStore.Open(dir.File);
        var ex = Assert.Throws<StoreCorruptedException>(() => reopened.Load());
        Assert.Contains("'state'", ex.Message);
        Assert.Contains("Levitating", ex.Message);
    }
}
