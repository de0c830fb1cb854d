// swift-tools-version: 6.2

import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "enrichd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "enrichd", targets: ["enrichd"]),
        .executable(name: "enrichd-fuzz", targets: ["EnrichdFuzz"]),
        .library(name: "ZeroMQ", targets: ["ZeroMQ"]),
        .library(name: "Articles", targets: ["Articles"]),
        .library(name: "Enrichment", targets: ["Enrichment"]),
        .library(name: "Spool", targets: ["Spool"]),
        .library(name: "Daemon", targets: ["Daemon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: ["YAML", "CommandLineArguments"]),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CZeroMQ"),
        .systemLibrary(name: "CSQLite"),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
        .target(name: "CCLD2", linkerSettings: [.linkedLibrary("cld2")]),
        .target(name: "CEnrichdModels", exclude: ["models"], cSettings: [.headerSearchPath("models")]),
        .target(
            name: "ZeroMQ",
            dependencies: ["CZeroMQ"],
            swiftSettings: strictSettings
        ),
        .target(name: "Spool", dependencies: ["CSQLite"], swiftSettings: strictSettings),
        .target(
            name: "Articles",
            dependencies: ["CLibXML2", "CCLD2"],
            exclude: ["Schema"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Enrichment",
            dependencies: ["Articles", "CEnrichdModels"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Daemon",
            dependencies: [
                "ZeroMQ",
                "Spool",
                "Articles",
                "Enrichment",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "enrichd",
            dependencies: [
                "Daemon",
                "Spool",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // libFuzzer target over envelope decoding, raw-text and HTML parsing (scripts/fuzz.sh builds it with
        // -sanitize=fuzzer -DENRICHD_LIBFUZZER); without that flag, a replayer of input files.
        .executableTarget(
            name: "EnrichdFuzz",
            dependencies: ["Articles", "Enrichment"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"], swiftSettings: strictSettings),
        .testTarget(name: "SpoolTests", dependencies: ["Spool"], swiftSettings: strictSettings),
        .testTarget(name: "ArticlesTests", dependencies: ["Articles"], swiftSettings: strictSettings),
        .testTarget(name: "EnrichmentTests", dependencies: ["Enrichment"], swiftSettings: strictSettings),
        .testTarget(
            name: "DaemonTests",
            dependencies: [
                "Daemon",
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["ZeroMQ", "Spool"], swiftSettings: strictSettings),
    ]
)
