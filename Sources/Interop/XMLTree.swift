import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree read with Foundation's XMLParser (element names, text, children and the line of each
/// start tag), enough for the ClinicalTrials.gov classic record.
final class XMLElementNode {
    let name: String
    let line: Int
    var text = ""
    var children: [XMLElementNode] = []
    weak var parent: XMLElementNode?

    init(name: String, line: Int) { self.name = name; self.line = line }

    func child(_ n: String) -> XMLElementNode? { children.first { $0.name == n } }
    func all(_ n: String) -> [XMLElementNode] { children.filter { $0.name == n } }
    /// The first descendant along a path of names (`eligibility/criteria/textblock`).
    func at(_ path: String) -> XMLElementNode? {
        var cur: XMLElementNode? = self
        for part in path.split(separator: "/") { cur = cur?.child(String(part)) }
        return cur
    }
    func value(_ path: String) -> String? {
        guard let t = at(path)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }
}

struct XMLTreeError: Error { var line: Int; var message: String }

enum XMLTree {
    static func parse(_ data: Data) throws -> XMLElementNode {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        let ok = parser.parse()
        guard ok, let root = builder.root else {
            let msg = builder.failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed XML"
            throw XMLTreeError(line: max(1, parser.lineNumber), message: msg)
        }
        if let open = builder.stack.last {
            throw XMLTreeError(line: open.line, message: "element <\(open.name)> is not closed before the end of the file")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElementNode?
        var stack: [XMLElementNode] = []
        var failure: String?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            let node = XMLElementNode(name: elementName, line: parser.lineNumber)
            if let top = stack.last { node.parent = top; top.children.append(node) } else if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if failure == nil { failure = "\(parseError.localizedDescription) (line \(parser.lineNumber))" }
        }
    }
}
