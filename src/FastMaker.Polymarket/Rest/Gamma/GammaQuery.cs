namespace FastMaker.Polymarket.Rest.Gamma;

/// <summary>Filters and offset pagination of Gamma <c>/markets</c> and <c>/events</c>; null fields are not sent.</summary>
public sealed record GammaQuery
{
    /// <summary>Page size (Gamma caps it; 100 is safe).</summary>
    public int Limit { get; init; } = 100;

    /// <summary>First item of the page.</summary>
    public int Offset { get; init; }

    public bool? Active { get; init; }

    public bool? Closed { get; init; }

    public bool? Archived { get; init; }

    /// <summary>Condition ids (about 100 per call).</summary>
    public IReadOnlyList<string>? ConditionIds { get; init; }

    public IReadOnlyList<string>? ClobTokenIds { get; init; }

    public string? Slug { get; init; }

    public string? TagId { get; init; }

    /// <summary>Sort field, e.g. "volume24hr".</summary>
    public string? Order { get; init; }

    public bool? Ascending { get; init; }
}
