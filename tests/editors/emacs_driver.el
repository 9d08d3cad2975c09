;;; emacs_driver.el --- drive eglot through the README's recipe, in batch mode  -*- lexical-binding: t -*-
;; Reads PAN_EMACS_FILE, PAN_EMACS_HOVER ("LINE:COLUMN", 1-based line, 0-based column) and writes
;; what eglot saw as JSON to PAN_EMACS_OUT.
(require 'json)
(defvar pan-seen nil)

(defun pan-wait (predicate seconds)
  "Let the server talk until PREDICATE holds or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun pan-record (key value)
  (push (cons key value) pan-seen))

(condition-case failure
    (progn
      (find-file (getenv "PAN_EMACS_FILE"))
      (pan-record 'mode (symbol-name major-mode))
      ;; eglot-ensure connects from post-command-hook, which batch mode never runs by itself
      (run-hooks 'post-command-hook)
      (pan-record 'attached (and (pan-wait (lambda () (eglot-current-server)) 60) t))
      (let* ((server (eglot-current-server))
             (spot (split-string (getenv "PAN_EMACS_HOVER") ":")))
        (goto-char (point-min))
        (forward-line (1- (string-to-number (car spot))))
        (forward-char (string-to-number (cadr spot)))
        (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)
                                      :timeout 90)))
          (pan-record 'hover (let ((contents (plist-get hover :contents)))
                               (if (stringp contents) contents (plist-get contents :value)))))
        ;; break the end of the file, as a user typing would
        (read-only-mode -1)
        (goto-char (point-max))
        (insert "'/x' = (1;\n")
        (let ((line (1- (line-number-at-pos))))
          (pan-record 'broken-line line)
          (eglot--signal-textDocument/didChange)
          (pan-wait (lambda ()
                      (seq-some (lambda (d) (and (eq (flymake-diagnostic-type d) 'eglot-error)
                                                 (= (line-number-at-pos (flymake-diagnostic-beg d)) line)))
                                (flymake-diagnostics)))
                    60)
          (pan-record 'diagnostics
                      (vconcat (mapcar (lambda (d) (list (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                                                         (cons 'type (symbol-name (flymake-diagnostic-type d)))
                                                         (cons 'text (flymake-diagnostic-text d))))
                                       (flymake-diagnostics)))))))
  (error (pan-record 'error (format "%S" failure))))

(with-temp-file (getenv "PAN_EMACS_OUT")
  (insert (json-encode pan-seen)))
(kill-emacs 0)
