using FastMaker.Primitives;

namespace FastMaker.Engine.Store;

/// <summary>
/// The book's top and mid of one token at one instant, as the truth report needs it for realized spread and markouts.
/// The engine writes one per token at most every N ms while the book is known, and one at every fill of ours. Keyed by
/// (token, time): a second mark in the same millisecond replaces the first.
/// </summary>
/// <param name="TokenId">The outcome token.</param>
/// <param name="TimeMs">Engine clock, unix ms.</param>
/// <param name="BestBid">Best bid, or <see cref="Price.Zero"/> when the bid side is empty.</param>
/// <param name="BestAsk">Best ask, or <see cref="Price.Zero"/> when the ask side is empty.</param>
/// <param name="Mid">The mid the engine used (raw 1e-6, may be a half tick); zero when the book has no mid.</param>
public readonly record struct StoredMark(
    UInt256 TokenId,
    long TimeMs,
    Price BestBid,
    Price BestAsk,
    Price Mid);
