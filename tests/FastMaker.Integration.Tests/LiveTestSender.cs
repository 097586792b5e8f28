using System.Threading.Channels;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Clob;

namespace FastMaker.Integration.Tests;

/// <summary>
/// A plain test double of the HTTP sender (the real one is FastMaker.Engine.Execution.OrderSender): one task sends
/// each signed request through a <see cref="ClobClient"/> in order and posts the reply back into the pipeline as the
/// real sender does (an <see cref="OrderReply"/> and a <see cref="VenueFeedback"/>).
/// </summary>
internal sealed class LiveTestSender : ISignedRequestSink, IAsyncDisposable
{
    private readonly Channel<SignedRequest> _queue = Channel.CreateUnbounded<SignedRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SenderContext _context;
    private readonly ClobClient _clob;
    private readonly SocketsHttpHandler _http = PolyHttpHandlerFactory.Create();
    private readonly Task _loop;

    public LiveTestSender(SenderContext context)
    {
        _context = context;
        _clob = new ClobClient(_http, new ClobClientOptions { BaseUri = context.ClobBaseUrl },
            new L2Signer(context.Credentials, context.Address.ToString()), context.Time);
        _loop = Task.Run(RunAsync);
    }

    public long Posted;
    public long Cancels;
    public long Failures;

    public void Publish(SignedRequest request)
    {
        if (!_queue.Writer.TryWrite(request))
        {
            _context.Pool.Return(request);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _http.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var request in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await SendAsync(request).ConfigureAwait(false);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref Failures);
            }
            finally
            {
                _context.Pool.Return(request);
            }
        }
    }

    private static string? MarketOf(SignedRequest request)
    {
        using var body = System.Text.Json.JsonDocument.Parse(request.BodyMemory);
        return body.RootElement.TryGetProperty("market", out var market) ? market.GetString() : null;
    }

    private async Task SendAsync(SignedRequest request)
    {
        var now = _context.Time.GetUtcNow().ToUnixTimeMilliseconds();
        switch (request.Kind)
        {
            case RequestKind.PostOrder:
            {
                Interlocked.Increment(ref Posted);
                var result = await _clob.PostOrderAsync(request.BodyMemory.ToArray()).ConfigureAwait(false);
                OrderReply reply;
                VenueFeedback feedback;
                if (result.IsSuccess)
                {
                    reply = OrderReply.FromPostResponse(result.Value!, request.OrderId, request.Intent.Side);
                    feedback = new VenueFeedback
                    {
                        Kind = reply.Kind == OrderReplyKind.PostAccepted ? VenueReplyKind.OrderAccepted : VenueReplyKind.OrderRejected,
                        MarketIndex = request.MarketIndex, OrderId = request.OrderId, RateLimit = result.RateLimit,
                    };
                }
                else
                {
                    reply = new OrderReply { Kind = OrderReplyKind.PostRejected, OrderId = request.OrderId, Error = result.Error!.ToString() };
                    feedback = new VenueFeedback
                    {
                        Kind = VenueFeedback.KindOf(result.Error.Kind), MarketIndex = request.MarketIndex, OrderId = request.OrderId,
                        RateLimit = result.RateLimit,
                        RetryAfterMs = result.Error.RetryAfter is { } after ? (long)after.TotalMilliseconds : -1,
                    };
                }

                _context.Replies.EnqueueControl(ControlItem.ForCold(InboundKind.RestReply, reply, now));
                _context.Replies.EnqueueControl(ControlItem.ForCold(InboundKind.RestReply, feedback, now));
                break;
            }

            default:
            {
                Interlocked.Increment(ref Cancels);
                var result = request.Kind switch
                {
                    RequestKind.CancelOrder => await _clob.CancelOrderAsync(request.OrderId.ToString()).ConfigureAwait(false),
                    RequestKind.CancelAll => await _clob.CancelAllAsync().ConfigureAwait(false),
                    _ => await _clob.CancelMarketOrdersAsync(MarketOf(request), null).ConfigureAwait(false),
                };
                if (result.IsSuccess)
                {
                    foreach (var id in result.Value!.Canceled ?? [])
                    {
                        if (FastMaker.Primitives.Hash32.TryParse(id.AsSpan(), out var hash))
                        {
                            var confirmed = new OrderReply { Kind = OrderReplyKind.CancelConfirmed, OrderId = hash };
                            _context.Replies.EnqueueControl(ControlItem.ForCold(InboundKind.RestReply, confirmed, now));
                        }
                    }
                }

                break;
            }
        }
    }
}
