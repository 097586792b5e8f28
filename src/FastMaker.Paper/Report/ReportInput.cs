using FastMaker.Engine.Store;

namespace FastMaker.Paper.Report;

/// <summary>What the truth report reads from a store: fills, marks and reward samples.</summary>
public sealed class ReportInput
{
    /// <summary>The store's path (for the report's header).</summary>
    public required string StorePath { get; init; }

    /// <summary>The store's schema version.</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>True when the store has the marks and reward_samples tables (schema 2 and later).</summary>
    public required bool HasMarksTable { get; init; }

    /// <summary>Every fill, real and simulated, any status.</summary>
    public required IReadOnlyList<StoredFill> Fills { get; init; }

    /// <summary>Every mark.</summary>
    public required IReadOnlyList<StoredMark> Marks { get; init; }

    /// <summary>Every reward sample.</summary>
    public required IReadOnlyList<StoredRewardSample> RewardSamples { get; init; }

    /// <summary>
    /// Reads a store without writing to it. Throws <see cref="FileNotFoundException"/> or
    /// <see cref="StoreCorruptedException"/> with a precise reason when the file is missing, is not a FastMaker store,
    /// or has a newer schema.
    /// </summary>
    public static ReportInput FromStore(string path)
    {
        using var store = SqliteStore.OpenReadOnly(path);
        return new ReportInput
        {
            StorePath = path,
            SchemaVersion = store.SchemaVersion,
            HasMarksTable = store.HasMarks,
            Fills = store.Load().Fills,
            Marks = store.LoadMarks(),
            RewardSamples = store.LoadRewardSamples(),
        };
    }
}
