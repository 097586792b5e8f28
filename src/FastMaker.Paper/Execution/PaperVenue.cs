using FastMaker.Engine;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Signing;
using FastMaker.Paper.FillModel;

namespace FastMaker.Paper.Execution;

/// <summary>
/// Paper mode's execution seam in the live host: it stands where the HTTP sender stands (every approved, signed order
/// and cancel goes to the <see cref="PaperExecution"/>, never to the venue) and is the pipeline's
/// <see cref="IEngineEventRoute"/>, so that on the engine thread each live event first lets the paper venue deliver the
/// replies and fills due by its time, then reaches the fill model (market data), then the engine: the same order of
/// events as <see cref="PaperReplay"/>, in engine time fed by the live market data. Engine thread only.
/// </summary>
public sealed class PaperVenue : ISignedRequestSink, IEngineEventRoute
{
    private readonly PaperSession _session;

    private PaperVenue(EngineCore engine, PaperFillParameters parameters, SignedRequestPool pool)
    {
        Execution = new PaperExecution(engine.Registry, parameters, () => engine.NowMs, pool);
        _session = new PaperSession(engine, Execution);
    }

    /// <summary>The paper venue (fills, counts, the model).</summary>
    public PaperExecution Execution { get; }

    /// <summary>Simulated inputs (replies, order and trade events) delivered to the engine.</summary>
    public long InputsDelivered => _session.InputsDelivered;

    /// <summary>
    /// A sender factory for <see cref="LiveEngineOptions.SenderFactory"/> with <see cref="LiveEngineOptions.PaperTrading"/>;
    /// <paramref name="created"/> receives the paper venue (to read its fills once the host has stopped).
    /// </summary>
    public static Func<SenderContext, ISignedRequestSink> Factory(PaperFillParameters parameters, Action<PaperVenue>? created = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        return context =>
        {
            var engine = context.Engine ?? throw new InvalidOperationException("paper mode needs the engine in the sender context (LiveEngineHost sets it)");
            var venue = new PaperVenue(engine, parameters, context.Pool);
            created?.Invoke(venue);
            return venue;
        };
    }

    /// <inheritdoc />
    public void Publish(SignedRequest request) => Execution.Publish(request);

    /// <inheritdoc />
    public void OnEvent(ref InboundEvent e) => _session.OnEvent(ref e);
}
