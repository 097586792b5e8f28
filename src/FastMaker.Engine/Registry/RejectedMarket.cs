namespace FastMaker.Engine.Registry;

/// <summary>A market that could not be identified (condition id or token ids missing or malformed), with why.</summary>
/// <param name="Id">The condition id text as received, or the Gamma id when there is none.</param>
/// <param name="Reason">What was wrong.</param>
public sealed record RejectedMarket(string Id, string Reason);
