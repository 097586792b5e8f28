using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>The reference's cancel answer: <c>{"canceled":[ids], "not_canceled":{id: reason}}</c>.</summary>
public sealed class CancelResult
{
    /// <summary>Ids of the orders taken off the book, in the order they were cancelled.</summary>
    public List<Hash32> Canceled { get; } = new();

    /// <summary>Ids that were not cancelled, with the reason.</summary>
    public Dictionary<Hash32, string> NotCanceled { get; } = new();
}
