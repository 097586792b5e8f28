namespace FastMaker.Engine.Signing;

/// <summary>Where signed requests go: the outbound ring to the sender, the paper fill model, or a test.</summary>
public interface ISignedRequestSink
{
    /// <summary>Takes ownership of a signed request (it returns the request to its pool after sending).</summary>
    void Publish(SignedRequest request);
}
