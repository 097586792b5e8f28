namespace FastMaker.Engine.Registry;

/// <summary>
/// The result of one metadata fetch, built off the engine thread and delivered as the <see cref="Pipeline.InboundEvent.Cold"/>
/// object of a <see cref="Pipeline.InboundKind.MetadataRefresh"/> event. Immutable once published.
/// </summary>
public sealed class MetadataRefresh
{
    /// <summary>Creates a refresh result.</summary>
    /// <param name="markets">The markets that were identified (possibly with problems).</param>
    /// <param name="rejected">Markets that could not be identified at all.</param>
    /// <param name="isComplete">
    /// True when the fetch covered every market the engine trades: a known market absent from a complete refresh is
    /// then not quoted. False for partial fetches (a page failed), which never mark absent markets.
    /// </param>
    public MetadataRefresh(IReadOnlyList<MarketMetadata> markets, IReadOnlyList<RejectedMarket> rejected, bool isComplete)
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(rejected);
        Markets = markets;
        Rejected = rejected;
        IsComplete = isComplete;
    }

    /// <summary>Identified markets.</summary>
    public IReadOnlyList<MarketMetadata> Markets { get; }

    /// <summary>Markets that could not be identified.</summary>
    public IReadOnlyList<RejectedMarket> Rejected { get; }

    /// <summary>The fetch covered every traded market.</summary>
    public bool IsComplete { get; }
}
