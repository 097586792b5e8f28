using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Auth;
using FastMaker.Primitives;

namespace FastMaker.Engine.Hosting;

/// <summary>What a sender needs from the host: where to send, who we are, where replies go, and the request pool.</summary>
/// <param name="ClobBaseUrl">The CLOB REST base address.</param>
/// <param name="Address">The signer's address (POLY_ADDRESS).</param>
/// <param name="Credentials">The L2 API credentials derived at start-up; never logged.</param>
/// <param name="Replies">Where order replies and venue feedback go (the inbound pipeline's control queue).</param>
/// <param name="Time">The host's clock.</param>
/// <param name="Pool">The pool signed requests return to once sent.</param>
public sealed record SenderContext(
    Uri ClobBaseUrl,
    EthAddress Address,
    ApiCredentials Credentials,
    IControlSink Replies,
    TimeProvider Time,
    SignedRequestPool Pool)
{
    /// <summary>The engine the sender serves (paper mode builds its simulated venue over its registry and clock); set by the host.</summary>
    public EngineCore? Engine { get; init; }
}
