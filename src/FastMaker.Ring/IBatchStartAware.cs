namespace FastMaker.Ring;

/// <summary>Optional handler hook, called before each batch is handed to the handler.</summary>
public interface IBatchStartAware
{
    /// <summary>Called before the first event of a batch of <paramref name="batchSize"/> events.</summary>
    void OnBatchStart(long batchSize);
}
