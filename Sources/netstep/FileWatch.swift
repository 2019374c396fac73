import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Wakes the run loop when a file is saved, without polling: an inotify descriptor on the
/// file's folder, readable when an entry of that name is written or replaced. Watching
/// the folder, not the file, follows editors that save by writing a new file and renaming
/// it over the old one.
final class FileWatch {
    /// Readable when something happened in the folder; pass it to a poll, then ask `changed()`.
    let descriptor: Int32
    private let name: String

    /// Nil where the system has no inotify (the file is then simply not watched).
    init?(file: URL) {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
        guard inotify_add_watch(descriptor, file.deletingLastPathComponent().path, mask) >= 0 else {
            Glibc.close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        name = file.lastPathComponent
        #else
        return nil
        #endif
    }

    deinit { close(descriptor) }

    /// Reads the pending events; true when one of them concerns the watched file.
    func changed() -> Bool {
        var concerned = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { return concerned }
            var offset = 0
            // Each event: wd, mask, cookie, len (four 32-bit fields), then len bytes of
            // NUL-padded name.
            while offset + 16 <= count {
                let length = buffer[offset + 12..<offset + 16].withUnsafeBytes { Int($0.loadUnaligned(as: UInt32.self)) }
                let nameBytes = buffer[offset + 16..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                if String(decoding: nameBytes, as: UTF8.self) == name { concerned = true }
                offset += 16 + length
            }
        }
    }
}
