using FastMaker.Engine.Books;
using FastMaker.Primitives;

namespace FastMaker.Engine.Pipeline;

/// <summary>
/// The engine asking the market-data transport for a fresh snapshot of one asset: its book went untrusted and only a
/// new <c>book</c> message (sent by the venue on subscribe) can restore it. Unmanaged, so emitting one never allocates.
/// </summary>
public readonly record struct ResubscribeRequest(
    int TokenIndex,
    UInt256 AssetId,
    BookUntrustedReason Reason,
    int Attempt,
    long RequestedMs);
