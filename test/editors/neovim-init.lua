-- Drives Neovim 0.7+ through the TrainSpec language server, as a designer would, and writes
-- what it saw to a JSON file for test/editors/neovim.test.ts to check. The first part is the
-- setup the README gives for Neovim 0.7 (file types, the client, the showDocument handler);
-- only the server's command line comes from the test, which runs this repository's build.
local env = {
  node = os.getenv('TRAINSPEC_TEST_NODE'),
  server = os.getenv('TRAINSPEC_TEST_SERVER'),
  workspace = os.getenv('TRAINSPEC_TEST_WORKSPACE'),
  results = os.getenv('TRAINSPEC_TEST_RESULTS'),
}

-- ---- The README's setup ----------------------------------------------------------------
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { pattern = '*.tspec', command = 'setfiletype trainspec' })
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { pattern = '*.nos', command = 'setfiletype trainspec-standards' })

local capabilities = vim.lsp.protocol.make_client_capabilities()
-- Neovim 0.7 has no handler for window/showDocument (0.8 has): this one opens the coverage report.
capabilities.window.showDocument = { support = true }
local client_id = vim.lsp.start_client({
  name = 'trainspec',
  cmd = { env.node, env.server, '--stdio' },
  root_dir = env.workspace,
  capabilities = capabilities,
  handlers = {
    ['window/showDocument'] = function(_, result)
      vim.cmd('edit ' .. vim.fn.fnameescape(vim.uri_to_fname(result.uri)))
      return { success = true }
    end,
  },
})
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'trainspec', 'trainspec-standards' },
  callback = function(args) vim.lsp.buf_attach_client(args.buf, client_id) end,
})
-- ---- End of the README's setup ---------------------------------------------------------

local results = { steps = {} }

local function save()
  local file = io.open(env.results, 'w')
  file:write(vim.fn.json_encode(results))
  file:close()
end

--- Waits for a condition, polling, for at most 20 s; never a fixed sleep.
local function wait(what, condition)
  if not vim.wait(20000, condition, 20) then
    error('timed out waiting for ' .. what)
  end
end

--- Whether the TrainSpec client is attached to the current buffer (buf_get_clients is gone in Neovim 0.10).
local function attached()
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = 0 }) or vim.lsp.buf_get_clients(0)
  return next(clients) ~= nil
end

--- Formats the current buffer and waits for the edits (formatting_sync is gone in Neovim 0.10).
local function format()
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ timeout_ms = 20000 })
  else
    vim.lsp.buf.formatting_sync(nil, 20000)
  end
end

--- The text of line `line` (1-based) of the current buffer.
local function line_text(line)
  return vim.api.nvim_buf_get_lines(0, line - 1, line, false)[1]
end

--- Puts the cursor on the first occurrence of `text` in the current buffer (plus `offset` characters).
local function cursor_on(text, offset)
  for number, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local column = line:find(text, 1, true)
    if column then
      vim.api.nvim_win_set_cursor(0, { number, column - 1 + (offset or 0) })
      return
    end
  end
  error('no "' .. text .. '" in ' .. vim.api.nvim_buf_get_name(0))
end

local function request(method, params)
  local answers = vim.lsp.buf_request_sync(0, method, params, 20000)
  local answer = answers and answers[client_id]
  if not answer then
    error('no answer to ' .. method)
  end
  if answer.err then
    error(method .. ': ' .. vim.inspect(answer.err))
  end
  return answer.result
end

local function hover_text()
  local hover = request('textDocument/hover', vim.lsp.util.make_position_params())
  return hover and hover.contents and (hover.contents.value or vim.inspect(hover.contents)) or vim.NIL
end

--- Answers the next vim.ui.select with the first item whose text contains `wanted`.
local function choose(wanted)
  vim.ui.select = function(items, options, on_choice)
    for _, item in ipairs(items) do
      local text = options.format_item and options.format_item(item) or tostring(item)
      if text:find(wanted, 1, true) then
        return on_choice(item)
      end
    end
    error('no choice holds "' .. wanted .. '"')
  end
end

local function step(name, run)
  local ok, problem = pcall(run)
  table.insert(results.steps, name)
  if not ok then
    results.error = name .. ': ' .. tostring(problem)
    error(results.error)
  end
end

local function drive()
  local programme = env.workspace .. '/programme.tspec'

  step('diagnostics', function()
    vim.cmd('edit ' .. vim.fn.fnameescape(programme))
    wait('the client to attach', attached)
    wait('diagnostics', function() return #vim.diagnostic.get(0) > 0 end)
    results.diagnostics = vim.tbl_map(function(d) return d.message end, vim.diagnostic.get(0))
  end)

  step('code action', function()
    cursor_on('AssesRiskOfHarm', 2)
    local line = vim.api.nvim_win_get_cursor(0)[1]
    choose('AssessRiskOfHarm')
    vim.lsp.buf.code_action()
    wait('the quick fix to be applied', function() return line_text(line):find('AssessRiskOfHarm', 1, true) ~= nil end)
    results.fixedLine = line_text(line)
  end)

  step('hover', function()
    cursor_on('AssessRiskOfHarm', 3)
    results.hover = hover_text()
  end)

  step('completion', function()
    cursor_on('covers KnowledgeOfPolicy', #'covers ')
    local completion = request('textDocument/completion', vim.lsp.util.make_position_params())
    local items = completion.items or completion
    results.completion = vim.tbl_map(function(item) return item.label end, items)
  end)

  step('definition', function()
    cursor_on('prepares PSO', #'prepares ')
    local from = vim.api.nvim_get_current_buf()
    vim.lsp.buf.definition()
    wait('the library to open', function() return vim.api.nvim_get_current_buf() ~= from end)
    local cursor = vim.api.nvim_win_get_cursor(0)
    results.definition = {
      name = vim.api.nvim_buf_get_name(0),
      line = cursor[1],
      column = cursor[2],
      text = line_text(cursor[1]),
      lines = vim.api.nvim_buf_line_count(0),
      filetype = vim.bo.filetype,
      modifiable = vim.bo.modifiable,
      readonly = vim.bo.readonly,
    }
    wait('the library file to be attached', attached)
    -- Hover in the library itself, on the role's name: the server answers from its own library.
    cursor_on('role PSO ', #'role ')
    results.libraryHover = hover_text()
    results.libraryDiagnostics = #vim.diagnostic.get(0)
  end)

  step('code lens', function()
    vim.cmd('edit ' .. vim.fn.fnameescape(programme))
    vim.lsp.codelens.refresh()
    wait('code lenses', function() return #vim.lsp.codelens.get(0) > 0 end)
    local lenses = vim.lsp.codelens.get(0)
    results.lenses = vim.tbl_map(function(lens) return { title = lens.command.title, command = lens.command.command } end, lenses)
    vim.api.nvim_win_set_cursor(0, { lenses[1].range.start.line + 1, 0 })
    choose('Probation Services Officer')
    vim.lsp.codelens.run()
    wait('the coverage report to open', function() return vim.api.nvim_buf_get_name(0):find('%-coverage%.md$') ~= nil end)
    results.report = { name = vim.api.nvim_buf_get_name(0), lines = vim.api.nvim_buf_get_lines(0, 0, -1, false) }
  end)

  step('formatting', function()
    vim.cmd('edit ' .. vim.fn.fnameescape(env.workspace .. '/messy.tspec'))
    wait('the client to attach', attached)
    vim.bo.shiftwidth = 2
    vim.bo.expandtab = true
    format()
    results.formattedWithSpaces = vim.api.nvim_buf_get_lines(0, 0, -1, false)
    vim.bo.expandtab = false
    format()
    results.formattedWithTabs = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  end)
end

-- Scheduled, not run inside VimEnter: the buffers it opens must run their own autocommands (file type, attach).
vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    vim.schedule(function()
      pcall(drive)
      save()
      vim.cmd('qall!')
    end)
  end,
})
