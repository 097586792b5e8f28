namespace FastMaker.Engine.Registry;

/// <summary>Fetches the metadata of the traded markets, off the engine thread.</summary>
public interface IMetadataSource
{
    /// <summary>One full fetch. Failures of single markets or pages are reported inside the result, not thrown.</summary>
    Task<MetadataRefresh> FetchAsync(CancellationToken ct);
}
