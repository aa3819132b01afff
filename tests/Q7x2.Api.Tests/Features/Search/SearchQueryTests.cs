using Microsoft.Data.Sqlite;
using Q7x2.Data.Search;

namespace Q7x2.Api.Tests.Features.Search;

/// <summary>The query language, and that nothing a user types reaches FTS5 as syntax.</summary>
public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("japarov visit", "\"japarov\" AND \"visit\"")]
    [InlineData("\"free economic zones\"", "\"free economic zones\"")]
    [InlineData("tajik*", "\"tajik\"*")]
    [InlineData("\"state visit\"*", "\"state visit\"*")]
    [InlineData("trade OR minerals", "(\"trade\" OR \"minerals\")")]
    [InlineData("trade OR minerals OR mining 2025", "(\"trade\" OR \"minerals\" OR \"mining\") AND \"2025\"")]
    [InlineData("Chong-Alai", "\"Chong-Alai\"")]
    public void TheQueryLanguageCompilesToQuotedFts5Terms(string text, string expected)
    {
        Assert.Equal(expected, Fts5Query.Match(SearchQuery.Parse(text)));
    }

    [Theory]
    [InlineData("japarov AND visit", "\"japarov\" AND \"AND\" AND \"visit\"")]
    [InlineData("NOT japarov", "\"NOT\" AND \"japarov\"")]
    [InlineData("NEAR(japarov visit)", "\"NEAR(japarov\" AND \"visit)\"")]
    [InlineData("name:japarov", "\"name:japarov\"")]
    [InlineData("^japarov", "\"^japarov\"")]
    [InlineData("or trade", "\"or\" AND \"trade\"")]
    [InlineData("OR trade", "\"OR\" AND \"trade\"")]
    [InlineData("trade OR", "\"trade\" AND \"OR\"")]
    [InlineData("trade OR OR mining", "\"trade\" AND \"OR\" AND \"OR\" AND \"mining\"")]
    [InlineData("trade \"OR\" mining", "\"trade\" AND \"OR\" AND \"mining\"")]
    [InlineData("\"unbalanced japarov", "\"unbalanced\" AND \"japarov\"")]
    [InlineData("ab\"cd\"ef", "\"ab\" AND \"cd\" AND \"ef\"")]
    [InlineData("a*b", "\"a*b\"")]
    [InlineData("japarov\0visit", "\"japarov\" AND \"visit\"")]
    [InlineData("japarov () ; -", "\"japarov\"")]
    [InlineData("trade OR ()", "\"trade\" AND \"OR\"")]
    public void EverythingElseIsLiteralText(string text, string expected)
    {
        Assert.Equal(expected, Fts5Query.Match(SearchQuery.Parse(text)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("\"\" \"\"")]
    [InlineData("*")]
    [InlineData("()")]
    [InlineData("- + . ; '")]
    [InlineData("\0")]
    [InlineData("😀 🇰🇬")]
    public void TextWithoutALetterOrDigitHasNothingToSearchFor(string text)
    {
        Assert.True(SearchQuery.Parse(text).IsEmpty);
    }

    [Fact]
    public void NamePrefixesBecomeOnePrefixPhraseOverNamesAndAliases()
    {
        Assert.Equal("{Name Aliases} : \"sadyr j\"*", Fts5Query.NamePrefix("sadyr j"));
        Assert.Equal("{Name Aliases} : \"say \"\"hi\"\"\"*", Fts5Query.NamePrefix("say \"hi\""));
    }

    [Fact]
    public void NoRandomInputMakesFts5FailToParseTheExpression()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, """
            CREATE VIRTUAL TABLE SearchIndex USING fts5(Name, Aliases, Body, Quotes, Id UNINDEXED,
                tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
            INSERT INTO SearchIndex VALUES ('Sadyr Japarov', 'Japarov', 'President of Kyrgyzstan', 'NEAR OR AND NOT', 'sadyr-japarov');
            """);
        string[] pieces = ["\"", "*", "(", ")", ":", "^", "+", "-", "OR", "AND", "NOT", "NEAR", "NEAR/2", "{", "}", ",", "'", ";",
            "\0", "\u0001", "\uD800", "😀", "é", "Japarov", "tajik", "15", " ", " ", "  ", "\t", "%00", "[", "]", "\\", "col:"];
        var random = new Random(20250709);
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var query = SearchQuery.Parse(text);
            if (query.IsEmpty)
            {
                continue;
            }

            foreach (var match in new[] { Fts5Query.Match(query), Fts5Query.InNames(query), Fts5Query.NamePrefix(text) })
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT Id, bm25(SearchIndex), snippet(SearchIndex, -1, '[', ']', '…', 8) FROM SearchIndex WHERE SearchIndex MATCH $match";
                command.Parameters.AddWithValue("$match", match);
                var exception = Record.Exception(() =>
                {
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                    }
                });
                Assert.True(exception is null, $"input {Escape(text)} gave {Escape(match)}: {exception?.Message}");
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Escape(string text) => System.Text.Json.JsonSerializer.Serialize(text,
        new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
