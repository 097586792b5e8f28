using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FastMaker.Venue.Server;

/// <summary>Response and body helpers shared by the endpoints. Errors use the reference shape {"error":"..."}.</summary>
internal static class VenueHttp
{
    /// <summary>Writer options: reference texts contain apostrophes and must reach clients unescaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteJsonAsync(HttpContext context, int status, ReadOnlyMemory<byte> utf8Json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = utf8Json.Length;
        return context.Response.Body.WriteAsync(utf8Json).AsTask();
    }

    public static Task WriteJsonAsync(HttpContext context, int status, ArrayBufferWriter<byte> buffer)
        => WriteJsonAsync(context, status, buffer.WrittenMemory);

    public static Task ErrorAsync(HttpContext context, int status, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + message.Length);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("error"u8, message);
            w.WriteEndObject();
        }
        return WriteJsonAsync(context, status, buffer);
    }

    /// <summary>Writes a JSON body built by <paramref name="write"/>.</summary>
    public static Task JsonAsync<TState>(HttpContext context, int status, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            write(w, state);
        return WriteJsonAsync(context, status, buffer);
    }

    /// <summary>
    /// Reads the whole body up to <paramref name="limit"/> bytes. Over the limit: <c>Payload exceeds the limit</c>,
    /// decided from Content-Length when present so that a huge body is never read.
    /// </summary>
    public static async Task<BodyRead> ReadBodyAsync(HttpContext context, int limit)
    {
        long? declared = context.Request.ContentLength;
        if (declared > limit) return BodyRead.TooLarge;
        var buffer = new byte[declared is > 0 ? (int)declared.Value : 1024];
        int length = 0;
        var body = context.Request.Body;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= limit) { if (await body.ReadAsync(new byte[1]).ConfigureAwait(false) > 0) return BodyRead.TooLarge; break; }
                    Array.Resize(ref buffer, Math.Min(limit, buffer.Length * 2));
                }
                int n = await body.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false);
                if (n == 0) break;
                length += n;
            }
        }
        catch (BadHttpRequestException)
        {
            return BodyRead.TooLarge;
        }
        return new BodyRead(buffer, length, false);
    }
}

/// <summary>A request body read into memory.</summary>
internal readonly record struct BodyRead(byte[] Buffer, int Length, bool IsTooLarge)
{
    public static BodyRead TooLarge => new([], 0, true);
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);
    public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);
}
