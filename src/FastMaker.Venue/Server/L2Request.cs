using FastMaker.Venue.Auth;
using Microsoft.AspNetCore.Http;

namespace FastMaker.Venue.Server;

/// <summary>Reads the body and checks L2 headers; on failure the response is already written.</summary>
internal static class L2Request
{
    public const string Unauthorized = "Unauthorized/Invalid api key";
    public const string PayloadTooLarge = "Payload exceeds the limit";

    public static async Task<(ApiCredentials? Credentials, BodyRead Body)> AuthenticateAsync(HttpContext c, VenueRuntime rt)
    {
        var body = await VenueHttp.ReadBodyAsync(c, rt.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (body.IsTooLarge)
        {
            await VenueHttp.ErrorAsync(c, 400, PayloadTooLarge).ConfigureAwait(false);
            return (null, body);
        }
        var h = c.Request.Headers;
        var result = rt.L2.Verify(h["POLY_ADDRESS"], h["POLY_SIGNATURE"], h["POLY_TIMESTAMP"], h["POLY_API_KEY"], h["POLY_PASSPHRASE"],
            c.Request.Method, c.Request.Path.Value ?? "", body.Span);
        if (!result.Ok)
        {
            await VenueHttp.ErrorAsync(c, 401, Unauthorized).ConfigureAwait(false);
            return (null, body);
        }
        return (result.Credentials, body);
    }
}
