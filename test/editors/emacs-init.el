;;; emacs-init.el --- Drives Emacs 28 with eglot through the TrainSpec language server  -*- lexical-binding: t -*-

;; Run with `emacs --batch -q -l emacs-init.el'. The first part is the setup the README gives
;; for Emacs 28 with eglot; only the server's command line comes from the test, which runs this
;; repository's build. The rest opens a spec as a designer would and writes what Emacs saw
;; (flymake's diagnostics, hover) to a JSON file for test/editors/emacs.test.ts to check.

(require 'package)
(package-initialize)
(require 'json)

;;; ---- The README's setup -------------------------------------------------------------
(define-derived-mode trainspec-mode prog-mode "TrainSpec"
  "Major mode for TrainSpec programme specs (.tspec)."
  (setq-local comment-start "// "))
(define-derived-mode trainspec-standards-mode prog-mode "TrainSpec standards"
  "Major mode for TrainSpec standards catalogues (.nos)."
  (setq-local comment-start "// "))
(add-to-list 'auto-mode-alist '("\\.tspec\\'" . trainspec-mode))
(add-to-list 'auto-mode-alist '("\\.nos\\'" . trainspec-standards-mode))

(require 'eglot)
(add-to-list 'eglot-server-programs
             `((trainspec-mode trainspec-standards-mode)
               . ,(list (getenv "TRAINSPEC_TEST_NODE") (getenv "TRAINSPEC_TEST_SERVER") "--stdio")))
(add-hook 'trainspec-mode-hook #'eglot-ensure)
(add-hook 'trainspec-standards-mode-hook #'eglot-ensure)
;; Go to definition into the built-in library (a file in the server's cache folder) stays with the project's server.
(setq eglot-extend-to-xref t)
;;; ---- End of the README's setup ------------------------------------------------------

(defvar trainspec-test-results nil "What the session saw, as an alist, written as JSON at the end.")
(defvar trainspec-test-steps nil)

(defun trainspec-test-note (key value)
  (push (cons key value) trainspec-test-results))

(defun trainspec-test-wait (what condition)
  "Waits for CONDITION (a function) to return non-nil, pumping the server's messages, for at most 20 s."
  (let ((deadline (+ (float-time) 20)) (value nil))
    (while (and (not (setq value (funcall condition))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or value (error "Timed out waiting for %s" what))))

(defun trainspec-test-save ()
  (with-temp-file (getenv "TRAINSPEC_TEST_RESULTS")
    (insert (json-encode (cons (cons 'steps (vconcat (reverse trainspec-test-steps))) trainspec-test-results)))))

(defmacro trainspec-test-step (name &rest body)
  `(progn (push ,name trainspec-test-steps) ,@body))

(defun trainspec-test-goto (text offset)
  (goto-char (point-min))
  (search-forward text)
  (goto-char (+ (match-beginning 0) offset)))

(defun trainspec-test-hover ()
  (let* ((server (eglot--current-server-or-lose))
         (hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
         (contents (plist-get hover :contents)))
    (if (stringp contents) contents (plist-get contents :value))))

(defun trainspec-test-drive ()
  (let ((workspace (getenv "TRAINSPEC_TEST_WORKSPACE")))
    (trainspec-test-step "connect"
      (find-file (expand-file-name "programme.tspec" workspace))
      ;; eglot-ensure connects after the next command; in batch there is none, so run the hook as one would.
      (run-hooks 'post-command-hook)
      (trainspec-test-wait "eglot to manage the buffer" (lambda () (bound-and-true-p eglot--managed-mode)))
      (trainspec-test-note 'major-mode (symbol-name major-mode))
      (trainspec-test-note 'server-info (format "%S" (eglot--server-info (eglot-current-server)))))
    (trainspec-test-step "diagnostics"
      (flymake-start)
      (trainspec-test-wait "flymake's diagnostics" (lambda () (>= (length (flymake-diagnostics)) 4)))
      (trainspec-test-note 'diagnostics
        (vconcat (mapcar (lambda (diagnostic)
                           `((line . ,(line-number-at-pos (flymake-diagnostic-beg diagnostic)))
                             (type . ,(symbol-name (flymake-diagnostic-type diagnostic)))
                             (text . ,(flymake-diagnostic-text diagnostic))))
                         (flymake-diagnostics)))))
    (trainspec-test-step "hover"
      (trainspec-test-goto "AssessNeedsAndPlan" 3)
      (trainspec-test-note 'hover (trainspec-test-hover)))
    (trainspec-test-step "definition"
      (trainspec-test-goto "prepares PSO" 10)
      (let ((from (current-buffer)))
        ;; M-. as a designer would press it.
        (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
        (trainspec-test-wait "the library to open" (lambda () (not (eq (current-buffer) from)))))
      (trainspec-test-note 'definition
        `((file . ,buffer-file-name)
          (mode . ,(symbol-name major-mode))
          (read-only . ,(if buffer-read-only t :json-false))
          (text . ,(buffer-substring-no-properties (line-beginning-position) (line-end-position)))
          (column . ,(current-column))))
      (run-hooks 'post-command-hook)
      (trainspec-test-wait "eglot to manage the library file" (lambda () (bound-and-true-p eglot--managed-mode)))
      (trainspec-test-note 'servers (length (hash-table-values eglot--servers-by-project)))
      (trainspec-test-note 'library-hover (trainspec-test-hover)))
    (trainspec-test-step "formatting"
      (find-file (expand-file-name "messy.tspec" workspace))
      (run-hooks 'post-command-hook)
      (trainspec-test-wait "eglot to manage the buffer" (lambda () (bound-and-true-p eglot--managed-mode)))
      ;; Eglot sends tab-width as tabSize and indent-tabs-mode as insertSpaces.
      (setq-local tab-width 3)
      (setq-local indent-tabs-mode nil)
      (eglot-format-buffer)
      (trainspec-test-note 'formatted (buffer-substring-no-properties (point-min) (point-max))))))

(condition-case problem
    (trainspec-test-drive)
  (error (trainspec-test-note 'error (format "%s: %s" (car trainspec-test-steps) (error-message-string problem)))))
(trainspec-test-save)
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs 0)
