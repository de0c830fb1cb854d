import Foundation
import Testing

/// `enrichd enrich`: golden output on the bundled samples, order and dead-letter positions, schema validity.
@Suite("enrich command", .serialized)
struct EnrichCommandTests {
    static let repository = DaemonProcess.repository
    static let volatile: Set<String> = ["received_at", "processed_at", "processing_us"]

    func run(_ arguments: [String], stdin: [UInt8]? = nil) throws -> (Int32, [[UInt8]]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = ["enrich"] + arguments
        process.currentDirectoryURL = Self.repository
        let output = Pipe()
        process.standardOutput = output
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        return (process.terminationStatus, lines.last?.isEmpty == true ? Array(lines.dropLast()) : lines)
    }

    func normalized(_ line: [UInt8]) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        for key in Self.volatile { object.removeValue(forKey: key) }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func goldenOutputOnBundledSamples() throws {
        let (status, lines) = try run(["samples/articles.jsonl", "samples/harbor-storm.txt"])
        #expect(status == 0)
        let actual = try lines.map(normalized).joined(separator: "\n") + "\n"
        let golden = Self.repository.appendingPathComponent("Tests/Golden/samples.golden.jsonl")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "output differs from \(golden.path); rerun with UPDATE_GOLDEN=1 after checking")
    }

    @Test func keepsInputOrderAndReportsBadLinesInPlace() throws {
        var input: [UInt8] = []
        for index in 0..<600 {
            if index % 97 == 5 {
                input += Array("{\"id\":\"bad\(index)\",\"body\":[1,2]}\n".utf8)
            } else {
                input += Array("{\"id\":\"ok\(index)\",\"body\":\"Line \(index) of the test. It is short.\"}\n".utf8)
            }
        }
        let (status, lines) = try run([], stdin: input)
        #expect(status == 0)
        #expect(lines.count == 600)
        for (index, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            if index % 97 == 5 {
                #expect(object["schema"] as? String == "enrichd.deadletter/1")
                #expect(object["reason"] as? String == "wrong_type")
                #expect(object["id"] as? String == "bad\(index)")
            } else {
                #expect(object["id"] as? String == "ok\(index)")
                let article = try #require(object["article"] as? [String: Any])
                #expect(article["body"] as? String == "Line \(index) of the test. It is short.")
            }
        }
    }

    @Test func outputsValidateAgainstThePublishedSchemas() throws {
        let (_, lines) = try run(["samples/articles.jsonl", "samples/harbor-storm.txt"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "enrichd-schema-\(UUID().uuidString).jsonl")
        try Data(lines.joined(separator: [UInt8(ascii: "\n")])).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, jsonschema
            schemas = {}
            for name in ("enrichd.article", "enrichd.deadletter"):
                with open("Sources/Articles/Schema/%s.schema.json" % name) as f:
                    schemas[name + "/1"] = json.load(f)
            for cls in set(type(jsonschema.validators.validator_for(s)) for s in schemas.values()):
                pass
            count = 0
            for line in open(sys.argv[1]):
                record = json.loads(line)
                schema = schemas[record["schema"]]
                jsonschema.validators.validator_for(schema).check_schema(schema)
                jsonschema.validate(record, schema)
                count += 1
            print(count)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        process.currentDirectoryURL = Self.repository
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(problems)")
        #expect(printed.trimmingCharacters(in: .whitespacesAndNewlines) == String(lines.count))
    }

    @Test func checkConfigPrintsEffectiveValuesAndRejectsUnknownKeys() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = ["check-config", "config/demo.yaml", "--http-port", "1234"]
        process.currentDirectoryURL = Self.repository
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("  port: 1234"))
        #expect(text.contains("  name: \"demo\""))

        let bad = Process()
        bad.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        bad.arguments = ["check-config", "config/demo.yaml", "--pipeline-max-inflight", "3"]
        bad.currentDirectoryURL = Self.repository
        let errors = Pipe()
        bad.standardError = errors
        try bad.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        bad.waitUntilExit()
        #expect(bad.terminationStatus == 78)
        #expect(message.contains("--pipeline-max-inflight"))
    }
}
