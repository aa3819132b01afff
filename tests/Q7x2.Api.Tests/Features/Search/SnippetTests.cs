using Q7x2.Api.Features.Search;
using Q7x2.Data.Search;

namespace Q7x2.Api.Tests.Features.Search;

public sealed class SnippetTests
{
    [Fact]
    public void SnippetsAreHtmlEscapedWithTheMatchesInMarkElements()
    {
        var marked = $"<b>Tom & \"Jerry's\"</b> {SearchMarks.Open}Japarov{SearchMarks.Close}’s visit";

        Assert.Equal("&lt;b&gt;Tom &amp; &quot;Jerry&#39;s&quot;&lt;/b&gt; <mark>Japarov</mark>’s visit", Marks.ToHtml(marked));
    }
}
