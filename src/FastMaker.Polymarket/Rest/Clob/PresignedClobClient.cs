namespace FastMaker.Polymarket.Rest.Clob;

/// <summary>
/// The order endpoints for requests signed before they reach the wire: the body is sent byte for byte and the five
/// L2 headers verbatim, so the signature the engine computed over those bytes is the one the venue checks. Errors,
/// rate-limit headers and lost replies are reported exactly as by <see cref="ClobClient"/>.
/// </summary>
public sealed class PresignedClobClient
{
    private static readonly ClobJsonContext Json = ClobJsonContext.Default;
    private readonly RestTransport _transport;

    /// <param name="handler">The shared pooled handler (<see cref="PolyHttpHandlerFactory.Create"/>); not disposed here.</param>
    /// <param name="options">Base address and request deadline; null for production defaults.</param>
    /// <param name="timeProvider">Clock for deadlines; null for the system clock.</param>
    public PresignedClobClient(HttpMessageHandler handler, ClobClientOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        options ??= new ClobClientOptions();
        _transport = new RestTransport(options.BaseUri, handler, options.Http, null, timeProvider ?? TimeProvider.System);
    }

    /// <summary><c>POST /order</c> with one signed order body. A lost reply is <see cref="ApiErrorKind.UnknownOutcome"/>.</summary>
    public Task<ApiResult<OrderResponse?>> PostOrderAsync(ReadOnlyMemory<byte> body, L2HeaderValues l2, CancellationToken ct = default) =>
        _transport.SendPresignedAsync(HttpMethod.Post, "/order", body, l2, Json.OrderResponse, true, false, ct);

    /// <summary><c>POST /orders</c> with a JSON array of 1 to 15 signed order bodies; the reply has one element per order, in order.</summary>
    public Task<ApiResult<OrderResponse[]?>> PostOrdersAsync(ReadOnlyMemory<byte> arrayBody, L2HeaderValues l2, CancellationToken ct = default) =>
        _transport.SendPresignedAsync(HttpMethod.Post, "/orders", arrayBody, l2, Json.OrderResponseArray, true, false, ct);

    /// <summary>
    /// A DELETE cancel: <c>/order</c>, <c>/orders</c>, <c>/cancel-market-orders</c> or <c>/cancel-all</c> (empty body).
    /// A lost reply is <see cref="ApiErrorKind.UnknownOutcome"/>.
    /// </summary>
    public Task<ApiResult<CancelResponse?>> CancelAsync(string path, ReadOnlyMemory<byte> body, L2HeaderValues l2, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return _transport.SendPresignedAsync(HttpMethod.Delete, path, body, l2, Json.CancelResponse, true, false, ct);
    }

    /// <summary>
    /// <c>GET /data/order/{id}</c>, signed over <c>/data/order/{id}</c>. A success with a null value means the venue does
    /// not know the order (the venue answers <c>null</c>).
    /// </summary>
    public Task<ApiResult<OpenOrder?>> GetOrderAsync(string orderId, L2HeaderValues l2, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        return _transport.SendPresignedAsync(HttpMethod.Get, OrderPath(orderId), default, l2, Json.OpenOrder, false, true, ct);
    }

    /// <summary>The path of <c>GET /data/order/{id}</c>, which is also the path its L2 signature covers.</summary>
    public static string OrderPath(string orderId) => "/data/order/" + Uri.EscapeDataString(orderId);
}
