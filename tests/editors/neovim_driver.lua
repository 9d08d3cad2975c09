-- Drives Neovim's own LSP client through the README's recipe (loaded as init.lua), headless.
-- Reads PAN_NVIM_PARAMS (JSON: file, hover {line, character}, out) and writes what it saw to
-- params.out as JSON. Uses only APIs of Neovim 0.7, kept working in later versions.
local params = vim.fn.json_decode(table.concat(vim.fn.readfile(vim.env.PAN_NVIM_PARAMS), "\n"))
local seen = { attached = false, filetype = nil, diagnostics = {}, hover = nil, completion = {} }
local WAIT = 90000

local function clients()
  if vim.lsp.get_clients then return vim.lsp.get_clients({ bufnr = 0 }) end
  return vim.lsp.buf_get_clients(0)
end

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(seen) }, params.out)
  vim.cmd("qall!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(params.file))
  seen.filetype = vim.bo.filetype
  seen.attached = vim.wait(WAIT, function() return #clients() > 0 end, 50)
  if not seen.attached then return end
  local uri = vim.uri_from_bufnr(0)

  -- hover on a function defined elsewhere in the library (waits for the index)
  local hover = vim.lsp.buf_request_sync(0, "textDocument/hover", {
    textDocument = { uri = uri }, position = params.hover,
  }, WAIT)
  for _, answer in pairs(hover or {}) do
    if answer.result and answer.result.contents then
      local contents = answer.result.contents
      seen.hover = type(contents) == "table" and (contents.value or vim.fn.json_encode(contents)) or contents
    end
  end

  -- diagnostics: break the last line, as a user typing would
  local last = vim.api.nvim_buf_line_count(0)
  vim.api.nvim_buf_set_lines(0, last, last, false, { "'/x' = (1;" })
  vim.wait(WAIT, function()
    for _, d in ipairs(vim.diagnostic.get(0)) do
      if d.lnum == last and d.severity == vim.diagnostic.severity.ERROR then return true end
    end
    return false
  end, 50)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(seen.diagnostics, { line = d.lnum, severity = d.severity, message = d.message })
  end

  -- completion of a function name being typed
  vim.api.nvim_buf_set_lines(0, last, last + 1, false, { "'/x' = pkg_r" })
  local completion = vim.lsp.buf_request_sync(0, "textDocument/completion", {
    textDocument = { uri = uri }, position = { line = last, character = 12 },
  }, WAIT)
  for _, answer in pairs(completion or {}) do
    local items = answer.result and (answer.result.items or answer.result) or {}
    for _, item in ipairs(items) do table.insert(seen.completion, item.label) end
  end
end)
if not ok then seen.error = tostring(err) end
finish()
