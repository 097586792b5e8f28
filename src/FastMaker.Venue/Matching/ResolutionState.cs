namespace FastMaker.Venue.Matching;

/// <summary>Where a market is in the UMA resolution process.</summary>
public enum ResolutionState : byte
{
    /// <summary>No proposal yet.</summary>
    Unresolved = 0,

    /// <summary>An outcome was proposed; the challenge window is open.</summary>
    Proposed = 1,

    /// <summary>Resolved; the winning token redeems for 1.</summary>
    Resolved = 2,
}
