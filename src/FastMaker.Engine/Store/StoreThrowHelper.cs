using System.Diagnostics.CodeAnalysis;

namespace FastMaker.Engine.Store;

/// <summary>Throwing for the store's hot methods, kept out of line.</summary>
internal static class StoreThrowHelper
{
    [DoesNotReturn]
    public static void ThrowNotARecord(StoreChangeKind kind) =>
        throw new ArgumentException($"Append takes a record (order, fill, position or reservation), not {kind}; close a group with CommitGroup.", "change");
}
