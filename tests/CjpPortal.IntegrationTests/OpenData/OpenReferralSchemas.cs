using System.Text.Json;

namespace CjpPortal.IntegrationTests.OpenData;

/// <summary>Checks a JSON value against the Open Referral UK schemas (OpenData/Schemas, copied to the output):
/// required properties present, each property of the type and format (uuid, uri, email, date-time) its schema gives,
/// enums respected, nested objects and array items (<c>$ref</c>) checked in turn. Properties a schema does not name
/// are allowed, as the schemas do. Not a full JSON Schema validator (no ajv in this environment): the subset of
/// keywords these schemas use for what the portal emits.</summary>
internal static class OpenReferralSchemas
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "OpenData", "Schemas");

    public static void AssertMatches(JsonElement value, string schemaFile) => Check(value, Load(schemaFile), schemaFile);

    private static JsonElement Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, Path.GetFileName(file))));
        return document.RootElement.Clone();
    }

    private static void Check(JsonElement value, JsonElement schema, string path)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(value, Load(reference.GetString()!), path);
            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var ok = type.GetString() switch
            {
                "string" => value.ValueKind == JsonValueKind.String,
                "number" => value.ValueKind == JsonValueKind.Number,
                "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
                "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "array" => value.ValueKind == JsonValueKind.Array,
                "object" => value.ValueKind == JsonValueKind.Object,
                _ => true,
            };
            Assert.True(ok, $"{path} should be {type.GetString()} but is {value.ValueKind}");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            CheckFormat(value.GetString()!, schema, path);
        }

        if (schema.TryGetProperty("enum", out var allowed))
        {
            Assert.Contains(allowed.EnumerateArray(), a => a.ValueKind == value.ValueKind && a.ToString() == value.ToString());
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, $"{path}[{index++}]");
            }
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                Assert.True(value.TryGetProperty(name, out _), $"{path} lacks the required {name}");
            }
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in value.EnumerateObject())
            {
                if (properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    Check(property.Value, propertySchema, $"{path}.{property.Name}");
                }
            }
        }
    }

    private static void CheckFormat(string text, JsonElement schema, string path)
    {
        if (!schema.TryGetProperty("format", out var format))
        {
            return;
        }

        var ok = format.GetString() switch
        {
            "uuid" => Guid.TryParseExact(text, "D", out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            "email" => text.Contains('@', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal),
            "date-time" => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
            _ => true,
        };
        Assert.True(ok, $"{path} = \"{text}\" is not a valid {format.GetString()}");
    }
}
