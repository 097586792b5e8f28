using FastMaker.Engine.Store;
using FastMaker.Primitives;
using Microsoft.Data.Sqlite;

namespace FastMaker.Engine.Tests.Store;

public sealed class StoreMarksTests
{
    private static readonly UInt256 TokenA = UInt256.Parse("1001");
    private static readonly UInt256 TokenB = UInt256.Parse("1002");

    private static StoredMark Mark(UInt256 token, long timeMs, int bid, int ask) =>
        new(token, timeMs, Price.FromRaw(bid), Price.FromRaw(ask), Price.FromRaw((bid + ask) / 2));

    [Fact]
    public void Marks_WrittenThroughTheWriter_LoadOrderedByTokenThenTime()
    {
        using var dir = new TempStorePath();
        using (var store = SqliteStore.Open(dir.File))
        {
            using var writer = new StoreWriter(store);
            writer.Append(StoreChange.Of(Mark(TokenB, 2_000, 480_000, 500_000)));
            writer.Append(StoreChange.Of(Mark(TokenA, 3_000, 400_000, 420_000)));
            writer.Append(StoreChange.Of(Mark(TokenA, 1_000, 410_000, 430_000)));
            var sequence = writer.CommitGroup();
            Assert.True(writer.WaitForCommit(sequence, TimeSpan.FromSeconds(10)));
        }

        using var reader = SqliteStore.OpenReadOnly(dir.File);
        Assert.True(reader.HasMarks);
        var marks = reader.LoadMarks();
        Assert.Equal(
            [Mark(TokenA, 1_000, 410_000, 430_000), Mark(TokenA, 3_000, 400_000, 420_000), Mark(TokenB, 2_000, 480_000, 500_000)],
            marks);
    }

    [Fact]
    public void Mark_SameTokenAndMillisecond_ReplacesTheEarlierOne()
    {
        using var dir = new TempStorePath();
        using var store = SqliteStore.Open(dir.File);
        store.ApplyGroups([StoreChange.Of(Mark(TokenA, 5, 100_000, 200_000)), StoreChange.EndOfGroup(1)], 1);
        store.ApplyGroups([StoreChange.Of(Mark(TokenA, 5, 110_000, 190_000)), StoreChange.EndOfGroup(2)], 2);

        var mark = Assert.Single(store.LoadMarks());
        Assert.Equal(150_000, mark.Mid.Raw);
        Assert.Equal(110_000, mark.BestBid.Raw);
    }

    [Fact]
    public void RewardSamples_RoundTrip_RealAndSimulatedKeptApart()
    {
        using var dir = new TempStorePath();
        var market = Hash32.Parse("0x" + new string('b', 64));
        var real = new StoredRewardSample(market, 60_000, 60_000, 12.5, 50.0, Amount.FromRaw(100_000_000), Simulated: false);
        var paper = real with { OurQMin = 40.0, Simulated = true };
        using (var store = SqliteStore.Open(dir.File))
        {
            store.ApplyGroups([StoreChange.Of(real), StoreChange.Of(paper), StoreChange.EndOfGroup(1)], 1);
        }

        using var reader = SqliteStore.OpenReadOnly(dir.File);
        Assert.Equal([real, paper], reader.LoadRewardSamples());
    }

    [Fact]
    public void RewardSample_NotFinite_IsRefusedAndNothingOfTheGroupIsWritten()
    {
        using var dir = new TempStorePath();
        using var store = SqliteStore.Open(dir.File);
        var bad = new StoredRewardSample(Hash32.Parse("0x" + new string('c', 64)), 1, 60_000, double.NaN, 1, Amount.Zero, false);

        var ex = Assert.Throws<ArgumentException>(() =>
            store.ApplyGroups([StoreChange.Of(Mark(TokenA, 1, 1, 3)), StoreChange.Of(bad), StoreChange.EndOfGroup(1)], 1));
        Assert.Contains("finite", ex.Message);
        Assert.Empty(store.LoadMarks());
        Assert.Equal(0, store.LastGroupSequence);
    }

    [Fact]
    public void VersionOneStore_OpensReadOnlyWithoutMarks_AndOpenMigratesItKeepingFills()
    {
        using var dir = new TempStorePath();
        using (var raw = new SqliteConnection("Data Source=" + dir.File + ";Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) STRICT";
            command.ExecuteNonQuery();
            foreach (var sql in StoreSchema.Migrations[0])
            {
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }

            command.CommandText = "INSERT INTO meta VALUES ('schema_version', '1')";
            command.ExecuteNonQuery();
        }

        using (var store = SqliteStore.OpenReadOnly(dir.File))
        {
            Assert.Equal(1, store.SchemaVersion);
            Assert.False(store.HasMarks);
            Assert.Empty(store.LoadMarks());
            Assert.Empty(store.LoadRewardSamples());
            Assert.Empty(store.Load().Fills);
        }

        using (var store = SqliteStore.Open(dir.File))
        {
            Assert.Equal(StoreSchema.CurrentVersion, store.SchemaVersion);
            store.ApplyGroups([StoreChange.Of(CrashStream.Fill(1)), StoreChange.Of(Mark(TokenA, 9, 1, 3)), StoreChange.EndOfGroup(1)], 1);
        }

        using var reopened = SqliteStore.OpenReadOnly(dir.File);
        Assert.Single(reopened.Load().Fills);
        Assert.Single(reopened.LoadMarks());
    }

    [Fact]
    public void OpenReadOnly_MissingFile_ThrowsFileNotFoundNamingThePath()
    {
        using var dir = new TempStorePath();
        var ex = Assert.Throws<FileNotFoundException>(() => SqliteStore.OpenReadOnly(dir.File));
        Assert.Contains(dir.File, ex.Message);
        Assert.False(File.Exists(dir.File));
    }

    [Fact]
    public void OpenReadOnly_SqliteDatabaseWithoutMeta_IsNotAFastMakerStoreAndIsLeftUntouched()
    {
        using var dir = new TempStorePath();
        using (var raw = new SqliteConnection("Data Source=" + dir.File + ";Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "CREATE TABLE something_else (x INTEGER)";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<StoreCorruptedException>(() => SqliteStore.OpenReadOnly(dir.File));
        Assert.Contains("not a FastMaker store", ex.Message);

        using var check = new SqliteConnection("Data Source=" + dir.File + ";Pooling=False");
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        Assert.Equal(1L, count.ExecuteScalar());
    }

    [Fact]
    public void OpenReadOnly_GarbageFile_ThrowsStoreCorrupted()
    {
        using var dir = new TempStorePath();
        File.WriteAllBytes(dir.File, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)));

        var ex = Assert.Throws<StoreCorruptedException>(() => SqliteStore.OpenReadOnly(dir.File));
        Assert.Contains("not a readable SQLite database", ex.Message);
    }

    [Fact]
    public void OpenReadOnly_NewerSchema_RefusesWithBothVersions()
    {
        using var dir = new TempStorePath();
        using (SqliteStore.Open(dir.File))
        {
        }

        using (var raw = new SqliteConnection("Data Source=" + dir.File + ";Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "UPDATE meta SET value = '42' WHERE key = 'schema_version'";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<StoreCorruptedException>(() => SqliteStore.OpenReadOnly(dir.File));
        Assert.Contains("schema version 42", ex.Message);
        Assert.Contains(StoreSchema.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Fact]
    public void OpenReadOnly_ApplyGroups_Throws()
    {
        using var dir = new TempStorePath();
        using (SqliteStore.Open(dir.File))
        {
        }

        using var store = SqliteStore.OpenReadOnly(dir.File);
        Assert.True(store.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => store.ApplyGroups([StoreChange.Of(Mark(TokenA, 1, 1, 3))], 1));
    }
}
