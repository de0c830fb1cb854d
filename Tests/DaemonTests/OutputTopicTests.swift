import Daemon
import Testing

@Suite("Output topic")
struct OutputTopicTests {
    @Test(
        arguments: [
            ("articles", "reuters", "en", "articles"),
            ("news.{language}.{source}", "reuters", "en", "news.en.reuters"),
            ("news.{language}", nil, nil, "news.unknown"),
            ("{worker}/{source}", "", "de", "w1/unknown"),
            ("odd{placeholder}", "s", "l", "odd{placeholder}"),
        ] as [(String, String?, String?, String)])
    func rendersTemplates(template: String, source: String?, language: String?, expected: String) {
        let topic = OutputTopic(template)
        #expect(
            String(decoding: topic.render(source: source, language: language, worker: "w1"), as: UTF8.self) == expected)
    }
}
