using System.Text;
using System.Text.Json;

namespace FastMaker.Cli.Commands;

/// <summary>
/// Reads JSON objects one per line from stdin and writes one JSON line per input line; a bad line becomes
/// <c>{"line":N,"error":"reason"}</c> and the run goes on. Exit code 0 when every line succeeded, 1 otherwise.
/// Input lines may hold private keys: nothing here ever echoes input text.
/// </summary>
internal static class JsonLineRunner
{
    public delegate void LineHandler(JsonElement input, Utf8JsonWriter output);

    public static int Run(TextReader input, TextWriter output, LineHandler handler)
    {
        int lineNumber = 0;
        bool anyError = false;
        var buffer = new MemoryStream();
        string? text;
        while ((text = input.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            buffer.SetLength(0);
            string? error = null;
            try
            {
                using var doc = JsonDocument.Parse(text);
                using var writer = new Utf8JsonWriter(buffer);
                handler(doc.RootElement, writer);
                writer.Flush();
            }
            catch (JsonException ex)
            {
                error = $"invalid JSON at byte {ex.BytePositionInLine ?? 0}";
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or OverflowException)
            {
                error = ex.Message;
            }
            if (error is null)
            {
                output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            }
            else
            {
                anyError = true;
                buffer.SetLength(0);
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("line", lineNumber);
                    writer.WriteString("error", error);
                    writer.WriteEndObject();
                }
                output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            }
        }
        output.Flush();
        return anyError ? 1 : 0;
    }
}
