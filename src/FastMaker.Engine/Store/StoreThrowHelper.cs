using System.Diagnostics.CodeAnalysis;

namespace FastMaker.Engine.Store;

/// <summary>Throwing for the store's hot methods, kept out of line.</summary>
internal static class StoreThrowHelper
{
    [DoesNotReturn]
    public static void ThrowNotARecord(StoreChangeKind kind) =>
        throw new ArgumentException($"Append takes a record (order, fill, position or reservation), not {kind}; close a group with CommitGroup.", "change");

    [DoesNotReturn]
    public static void ThrowUnknownScope(ReservationScope scope) =>
        throw new ArgumentException($"A reservation has scope {scope}, which is not a known scope.", "change");

    [DoesNotReturn]
    public static void ThrowFaulted(Exception fault) =>
        throw new InvalidOperationException("The store writer has stopped after a failure; nothing more can be made durable: " + fault.Message, fault);
}
