using System.CommandLine;
using System.Text.Json;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker order sign</c>: one order per JSON line on stdin (privateKey, chainId, version, signatureType, funder,
/// tokenId, side, price, size or amount, tickSize, negRisk, orderType, expiration, postOnly, deferExec, salt,
/// timestamp, metadata, builder, owner); one line out each with orderId, makerAmount, takerAmount, signature
/// (deterministic RFC 6979) and body (the POST /order body as a JSON object, byte-equal to the official client's).
/// The private key arrives on stdin by design and is never echoed.
/// </summary>
internal static class OrderCommand
{
    public static Command Create()
    {
        var sign = new Command("sign", "Sign orders: JSON lines on stdin, one JSON line per order on stdout (errors as {\"line\",\"error\"}).");
        sign.SetAction(_ => JsonLineRunner.Run(Console.In, Console.Out, SignLine));
        var order = new Command("order", "Build and sign Polymarket CLOB orders.");
        order.Subcommands.Add(sign);
        return order;
    }

    private static void SignLine(JsonElement input, Utf8JsonWriter output)
    {
        if (!OrderLine.TryParse(input, out OrderLine? line, out string error))
            throw new FormatException(error);
        using EthSigner signer = EthSigner.FromHex(line!.PrivateKeyHex);
        var builder = new OrderBuilder(signer, line.ChainId, line.SignatureType, line.Funder, line.Owner, line.Version);
        byte[] body = new byte[OrderBodyWriter.MaxLength];
        byte[] signature = new byte[OrderHashing.Poly1271SignatureLength];
        OrderBuildError result = builder.TryBuild(line.Request, SigningMode.Deterministic, body, signature, out SignedOrderInfo info);
        if (result != OrderBuildError.None)
            throw new FormatException(OrderBuildErrors.Describe(result, info.AmountError));

        output.WriteStartObject();
        output.WriteString("orderId", info.OrderId.ToString());
        output.WriteString("makerAmount", info.Amounts.MakerAmount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        output.WriteString("takerAmount", info.Amounts.TakerAmount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        output.WriteString("signature", "0x" + Convert.ToHexStringLower(signature, 0, info.SignatureLength));
        output.WritePropertyName("body");
        output.WriteRawValue(body.AsSpan(0, info.BodyLength), skipInputValidation: true);
        output.WriteEndObject();
    }
}
